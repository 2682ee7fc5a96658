package dev.atelier.cli;

import dev.atelier.network.TensorEngine;
import dev.atelier.weights.KerasH5Reader;
import dev.atelier.weights.VggWeights;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the network. */
final class EngineOptions {

    @Option(names = "--weights", paramLabel = "FILE", required = true,
            description = "VGG16 or VGG19 weights in Keras' notop HDF5 layout, e.g. "
                    + "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5.")
    Path weights;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads for the tensor engine (default: all cores).")
    int threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where tensors live: a GPU when the engine sees one, else the CPU (default: ${DEFAULT-VALUE}).")
    String device;

    /** Sets up the engine and reads the weights; call before anything touches the engine. */
    VggWeights start() {
        if (threads < 0 || threads > 1024) {
            throw new UsageException("--threads must be between 1 and 1024 (or 0 for all cores), got " + threads);
        }
        TensorEngine.configure(threads);
        try {
            TensorEngine.device(device);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!device.equalsIgnoreCase("auto")) {
            try {
                TensorEngine.device();
            } catch (IllegalStateException e) {
                throw new UserException(e.getMessage());
            }
        }
        return KerasH5Reader.read(weights);
    }
}
