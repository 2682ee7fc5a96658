package dev.atelier.cli;

import ai.djl.ndarray.NDManager;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.NetworkFamily;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.StartupTimeline;
import dev.atelier.weights.WeightsException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the network. */
final class EngineOptions {

    @Option(names = "--weights", paramLabel = "FILE",
            description = "A VGG16 or VGG19 weights file (Keras HDF5, PyTorch .pth or safetensors, recognised by "
                    + "content), or a TF.js layers model (its model.json or folder: Darknet Tiny). Wins over --model "
                    + "(if both are given, the file must hold --model's network).")
    Path weights;

    @Option(names = "--model", paramLabel = "NAME",
            description = "A known model, downloaded into the cache on first use: vgg16-keras (default), vgg19-keras, "
                    + "vgg16-torchvision, vgg19-torchvision, or random (untrained, offline). See 'atelier weights list'.")
    String model;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Download from this server instead of the published hosts (same paths); "
                    + "default: $ATELIER_WEIGHTS_MIRROR.")
    String mirror;

    @Mixin
    EngineSettings settings;

    /** Set by a command's --quiet: a download then draws no progress bar. */
    private boolean quiet;

    /** Whose Keras model is used when neither --weights nor --model is given. */
    private NetworkFamily defaultNetwork = NetworkFamily.VGG16;

    /** As {@link #start()}; without --weights or --model, the default model is {@code network}'s. */
    FeatureWeights start(NetworkFamily network) {
        defaultNetwork = network;
        return start();
    }

    /** Sets up the engine and reads the weights; call before anything touches the engine. */
    FeatureWeights start() {
        settings.configure();
        return loadWeights();
    }

    /** Downloads without a progress bar (a command's --quiet). */
    EngineOptions quiet(boolean quiet) {
        this.quiet = quiet;
        return this;
    }

    /** A network on the device, in a manager of its own: closing it frees the network. */
    record DeviceNetwork(FeatureNetwork network, NDManager manager) implements AutoCloseable {
        @Override
        public void close() {
            manager.close();
        }
    }

    /**
     * As {@link #start(NetworkFamily)}, and further: the native engine loads on one background thread while
     * another reads the weights and then puts them on the device, as the caller goes on (decoding its images).
     * {@link #await} gives the network, or throws what loading it threw. No Java copy of the weights is kept.
     */
    CompletableFuture<DeviceNetwork> startInBackground(NetworkFamily network) {
        defaultNetwork = network;
        settings.configure();
        // SLF4J set up by two threads at once replays its early messages with warnings: set it up here first.
        org.slf4j.LoggerFactory.getILoggerFactory();
        CompletableFuture<String> engine = inBackground("atelier-engine", () -> {
            String started = TensorEngine.start();
            StartupTimeline.mark("engine loaded");
            return started;
        });
        return inBackground("atelier-weights", () -> {
            DeviceNetwork onDevice = toDevice(loadWeights(), engine);
            // The weights' Java arrays (59 MB for VGG16) are garbage once on the device. Collecting them now, while
            // little else is alive, lets the heap shrink and give their pages back before the run's memory peak.
            System.gc();
            StartupTimeline.mark("Java copy of the weights collected");
            return onDevice;
        });
    }

    private static DeviceNetwork toDevice(FeatureWeights weights, CompletableFuture<String> engine) {
        StartupTimeline.mark("weights read");
        engine.join();
        NDManager manager = TensorEngine.newManager();
        DeviceNetwork onDevice = new DeviceNetwork(FeatureNetworks.upload(weights, manager), manager);
        StartupTimeline.mark("network on the device");
        return onDevice;
    }

    static <T> T await(CompletableFuture<T> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    private FeatureWeights loadWeights() {
        if (settings.deviceNamed()) {
            settings.requireDevice();
        }
        try {
            return WeightsSelection.load(weights, model, mirror, defaultNetwork, quiet);
        } catch (WeightsException e) {
            String family = weights == null ? null : StyleNetworks.familyOf(weights);
            if (family != null) {
                throw new UserException("'" + weights + "' is an instant style network (" + family + "), not VGG "
                        + "weights; use it with 'atelier apply --weights " + weights + "'", e);
            }
            throw e;
        }
    }
}
