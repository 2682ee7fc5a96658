package dev.atelier.network;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Locale;

/** Configures DJL's PyTorch engine; must run before anything touches the engine. */
public final class TensorEngine {

    private TensorEngine() {}

    /**
     * Offline (the native library ships with the jar; nothing is fetched at run time) with {@code threads} intra-op
     * threads (0: all cores) and one inter-op thread (our graphs are a single chain).
     */
    public static void configure(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // With the bundled CPU native nothing needs fetching; a user who names a PyTorch flavour (cu128, …) on a
        // build without it (mvn -Pgpu) lets DJL fetch that flavour once.
        System.setProperty("ai.djl.offline", System.getenv("PYTORCH_FLAVOR") == null ? "true" : "false");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static volatile String deviceChoice = "auto";

    /**
     * Where runs put their tensors: {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu}, or
     * {@code gpu}. Checked when the first run starts.
     */
    public static void device(String choice) {
        String c = choice.toLowerCase(Locale.ROOT);
        if (!c.equals("auto") && !c.equals("cpu") && !c.equals("gpu")) {
            throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + choice + "'");
        }
        deviceChoice = c;
    }

    /** The device runs use; {@code gpu} without a visible GPU is an error naming what is missing. */
    public static Device device() {
        Engine engine = loaded();
        return switch (deviceChoice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (engine.getGpuCount() == 0) {
                    throw new IllegalStateException("--device gpu: no GPU is visible to the engine (this build "
                            + "bundles the CPU native; see the README's GPU section)");
                }
                yield Device.gpu();
            }
            default -> engine.defaultDevice();
        };
    }

    /** A new root manager on the chosen device: one per run. */
    public static NDManager newManager() {
        return NDManager.newBaseManager(device());
    }

    /** The intra-op thread count in force. */
    public static int threads() {
        String n = System.getProperty("ai.djl.pytorch.num_threads");
        return n == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    /** Loads the engine now, so that its start-up cost is not charged to the first evaluation. */
    public static String start() {
        Engine engine = loaded();
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /** The engine, loaded, with libtorch's own log set to errors only (see {@link NativeLogLevel}). */
    private static Engine loaded() {
        Engine engine = Engine.getEngine("PyTorch");
        NativeLogLevel.apply();
        return engine;
    }
}
