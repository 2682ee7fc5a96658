package dev.atelier.cli;

import dev.atelier.network.TensorEngine;
import dev.atelier.network.VggArchitecture;
import dev.atelier.transfer.StartupTimeline;
import dev.atelier.weights.VggWeights;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the network. */
final class EngineOptions {

    @Option(names = "--weights", paramLabel = "FILE",
            description = "A VGG16 or VGG19 weights file: Keras HDF5, PyTorch .pth or safetensors, recognised by "
                    + "content. Wins over --model (if both are given, the file must hold --model's network).")
    Path weights;

    @Option(names = "--model", paramLabel = "NAME",
            description = "A known model, downloaded into the cache on first use: vgg16-keras (default), vgg19-keras, "
                    + "vgg16-torchvision, vgg19-torchvision, or random (untrained, offline). See 'atelier weights list'.")
    String model;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Download from this server instead of the published hosts (same paths); "
                    + "default: $ATELIER_WEIGHTS_MIRROR.")
    String mirror;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads for the tensor engine (default: all cores).")
    int threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where tensors live: a GPU when the engine sees one, else the CPU (default: ${DEFAULT-VALUE}).")
    String device;

    /** Whose Keras model is used when neither --weights nor --model is given. */
    private VggArchitecture defaultNetwork = VggArchitecture.VGG16;

    /** As {@link #start()}; without --weights or --model, the default model is the Keras one of {@code network}. */
    VggWeights start(VggArchitecture network) {
        defaultNetwork = network;
        return start();
    }

    /** Sets up the engine and reads the weights; call before anything touches the engine. */
    VggWeights start() {
        configure();
        return loadWeights();
    }

    /**
     * As {@link #start(VggArchitecture)}, with the native engine loading on one background thread and the weights
     * read on another, while the caller goes on (decoding its images): start-up in parallel. {@link #await} gives
     * the weights, or throws what reading them threw.
     */
    CompletableFuture<VggWeights> startInBackground(VggArchitecture network) {
        defaultNetwork = network;
        configure();
        // SLF4J set up by two threads at once replays its early messages with warnings: set it up here first.
        org.slf4j.LoggerFactory.getILoggerFactory();
        inBackground("atelier-engine", () -> {
            String engine = TensorEngine.start();
            StartupTimeline.mark("engine loaded");
            return engine;
        });
        return inBackground("atelier-weights", () -> {
            VggWeights loaded = loadWeights();
            StartupTimeline.mark("weights read");
            return loaded;
        });
    }

    static VggWeights await(CompletableFuture<VggWeights> weights) {
        try {
            return weights.join();
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

    private void configure() {
        if (threads < 0 || threads > 1024) {
            throw new UsageException("--threads must be between 1 and 1024 (or 0 for all cores), got " + threads);
        }
        TensorEngine.configure(threads);
        try {
            TensorEngine.device(device);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private VggWeights loadWeights() {
        if (!device.equalsIgnoreCase("auto")) {
            try {
                TensorEngine.device();
            } catch (IllegalStateException e) {
                throw new UserException(e.getMessage());
            }
        }
        return WeightsSelection.load(weights, model, mirror, defaultNetwork);
    }
}
