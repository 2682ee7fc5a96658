package dev.atelier.network;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threshold of libtorch's own C++ log. libtorch logs warnings that mean nothing to an Atelier user, one of them
 * on every call: "Could not initialize NNPACK! Reason: Unsupported hardware." each time a small convolution of one
 * image runs outside oneDNN (421 lines on stderr in the README's quick start, 2529 in a 128 px Darknet Tiny run).
 * PyTorch's Python sets the threshold from {@code TORCH_CPP_LOG_LEVEL} when it starts; DJL never does, so this sets
 * the same variable (c10's {@code FLAGS_caffe2_log_level}): errors only, unless {@code TORCH_CPP_LOG_LEVEL} says
 * otherwise (INFO, WARNING, ERROR, FATAL or 0-3). Best effort: where the library or the symbol is not found (no
 * {@code /proc}, another build of libtorch), nothing changes.
 */
final class NativeLogLevel {

    static final int ERROR = 2;

    private static final AtomicBoolean SET = new AtomicBoolean();

    private NativeLogLevel() {}

    /** Sets the threshold once, after the engine has loaded libtorch. */
    static void apply() {
        if (!SET.compareAndSet(false, true)) {
            return;
        }
        Path c10 = loadedLibrary("libc10.so");
        if (c10 == null) {
            return;
        }
        try {
            Pointer level = NativeLibrary.getInstance(c10.toString()).getGlobalVariableAddress("FLAGS_caffe2_log_level");
            level.setInt(0, level(System.getenv("TORCH_CPP_LOG_LEVEL")));
        } catch (UnsatisfiedLinkError e) {
            // another libtorch build without the symbol: its warnings stay
        }
    }

    /** PyTorch's reading of {@code TORCH_CPP_LOG_LEVEL}; unset or unknown: ERROR. */
    static int level(String setting) {
        if (setting == null) {
            return ERROR;
        }
        return switch (setting.trim().toUpperCase(Locale.ROOT)) {
            case "0", "INFO" -> 0;
            case "1", "WARNING" -> 1;
            case "3", "FATAL" -> 3;
            default -> ERROR;
        };
    }

    /** Where this process mapped the library named {@code file} from, or null. */
    private static Path loadedLibrary(String file) {
        List<String> maps;
        try {
            maps = Files.readAllLines(Path.of("/proc/self/maps"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String line : maps) {
            int path = line.indexOf('/');
            if (path >= 0 && line.endsWith("/" + file)) {
                return Path.of(line.substring(path));
            }
        }
        return null;
    }
}
