package dev.atelier.network;

import ai.djl.engine.Engine;

/** Configures DJL's PyTorch engine; must run before anything touches the engine. */
public final class TensorEngine {

    private TensorEngine() {}

    /**
     * Offline (the native library ships in the jar; nothing is fetched at run time) with {@code threads} intra-op
     * threads (0: all cores) and one inter-op thread (our graphs are a single chain).
     */
    public static void configure(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** The intra-op thread count in force. */
    public static int threads() {
        String n = System.getProperty("ai.djl.pytorch.num_threads");
        return n == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    /** Loads the engine now, so that its start-up cost is not charged to the first evaluation. */
    public static String start() {
        Engine engine = Engine.getEngine("PyTorch");
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
