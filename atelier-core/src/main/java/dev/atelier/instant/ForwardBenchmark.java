package dev.atelier.instant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.transfer.ResidentMemory;
import java.util.Arrays;

/**
 * Times one forward pass of a style network on an N×N noise image (uniform 0..255), as {@code reference_fast.py
 * time} does: two warm-up passes, then the median of {@code passes}.
 */
public final class ForwardBenchmark {

    /**
     * @param rssAfterWarmUpMb resident memory after the warm-up passes
     * @param rssAtEndMb       resident memory after the timed ones: equal, if nothing leaks per pass
     * @param peakRssMb        the process's peak resident memory (VmHWM)
     */
    public record Result(int size, int passes, double medianSeconds, double minSeconds, double rssAfterWarmUpMb,
                         double rssAtEndMb, double peakRssMb) {}

    private ForwardBenchmark() {}

    public static Result run(StyleNetwork network, int size, int passes) {
        try (NDManager m = NDManager.newBaseManager(network.device())) {
            NDArray x = m.randomUniform(0, 255, new Shape(1, 3, size, size));
            for (int i = 0; i < 2; i++) {
                pass(network, x);
            }
            double afterWarmUp = ResidentMemory.megabytes();
            double[] seconds = new double[passes];
            for (int i = 0; i < passes; i++) {
                long start = System.nanoTime();
                pass(network, x);
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = passes % 2 == 1 ? sorted[passes / 2] : (sorted[passes / 2 - 1] + sorted[passes / 2]) / 2;
            return new Result(size, passes, median, sorted[0], afterWarmUp, ResidentMemory.megabytes(), peakMegabytes());
        }
    }

    private static void pass(StyleNetwork network, NDArray x) {
        try (NDArray y = network.paint(x)) {
            y.getShape();
        }
    }

    /** VmHWM from /proc/self/status, in MiB; NaN where there is no /proc. */
    public static double peakMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
