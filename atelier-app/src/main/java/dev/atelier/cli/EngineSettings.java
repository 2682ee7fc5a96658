package dev.atelier.cli;

import dev.atelier.network.TensorEngine;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --device}, for every command that runs a network: checked, then given to the engine. */
final class EngineSettings {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads for the tensor engine (default: all cores).")
    int threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where tensors live: a GPU when the engine sees one, else the CPU (default: ${DEFAULT-VALUE}).")
    String device;

    /** Refuses a thread count out of range, in one line, before any work. */
    void check() {
        if (threads < 0 || threads > 1024) {
            throw new UsageException("--threads must be between 1 and 1024 (or 0 for all cores), got " + threads);
        }
    }

    /** Checks, then sets the engine's threads and device; call before anything touches the engine. */
    void configure() {
        check();
        TensorEngine.configure(threads);
        try {
            TensorEngine.device(device);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Whether a device other than {@code auto} was asked for. */
    boolean deviceNamed() {
        return !device.equalsIgnoreCase("auto");
    }

    /** Fails in one line when the device asked for is not there (starts the engine to find out). */
    void requireDevice() {
        try {
            TensorEngine.device();
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage());
        }
    }
}
