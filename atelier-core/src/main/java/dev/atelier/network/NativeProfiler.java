package dev.atelier.network;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** PyTorch's own profiler around a piece of work: every native op with its CPU time, written as a Chrome trace. */
public final class NativeProfiler {

    private NativeProfiler() {}

    public static void record(Path trace, Runnable work) {
        Path absolute = trace.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        JniUtils.startProfile(false, true, false);
        try {
            work.run();
        } finally {
            JniUtils.stopProfile(partial.toString());
        }
        try {
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile " + trace + ": " + e.getMessage(), e);
        }
    }
}
