package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.atelier.image.CaffeImage;
import dev.atelier.network.NativeProfiler;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.TensorEngine;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times one loss+gradient evaluation of the seed preset at size×size, as {@code reference_nst.py evals} does:
 * uniform random content and style, two warm-up evaluations, then the median of the timed ones.
 */
public final class EvaluationBenchmark {

    /**
     * @param rssAfterWarmUpMb resident memory after the warm-up evaluations
     * @param rssAtEndMb       resident memory after the timed ones: equal, if nothing leaks per evaluation
     */
    public record Result(int size, int evaluations, double medianSeconds, double minSeconds, double rssAfterWarmUpMb,
                         double rssAtEndMb) {}

    private EvaluationBenchmark() {}

    public static Result run(FeatureWeights weights, int size, int evaluations, long seed) {
        return run(weights, size, evaluations, seed, null);
    }

    /**
     * As {@link #run(FeatureWeights, int, int, long)}, then profiles one more evaluation into {@code trace} if
     * given. The loss is the seed preset's, on its layers for the weights' family (the reference's for Darknet).
     */
    public static Result run(FeatureWeights weights, int size, int evaluations, long seed, Path trace) {
        try (NDManager manager = TensorEngine.newManager()) {
            manager.getEngine().setRandomSeed((int) seed);
            FeatureNetwork network = FeatureNetworks.upload(weights, manager);
            Shape hwc = new Shape((long) size * size * 3);
            CaffeImage content = new CaffeImage(size, size, manager.randomUniform(-128, 128, hwc).toFloatArray());
            CaffeImage style = new CaffeImage(size, size, manager.randomUniform(-128, 128, hwc).toFloatArray());
            StyleTransferObjective objective =
                    ObjectiveBuilder.build(network, manager, Recipe.of(Preset.SEED).lossSpec(network), content, style);
            NDArray x = manager.randomUniform(-128, 128, hwc).toType(DataType.FLOAT64, false);
            for (int i = 0; i < 2; i++) {
                objective.evaluate(x).gradient().close();
            }
            double rssAfterWarmUp = ResidentMemory.megabytes();
            double[] seconds = new double[evaluations];
            for (int i = 0; i < evaluations; i++) {
                long t = System.nanoTime();
                objective.evaluate(x).gradient().close();
                seconds[i] = (System.nanoTime() - t) / 1e9;
            }
            if (trace != null) {
                NativeProfiler.record(trace, () -> objective.evaluate(x).gradient().close());
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = evaluations % 2 == 1 ? sorted[evaluations / 2]
                    : (sorted[evaluations / 2 - 1] + sorted[evaluations / 2]) / 2;
            return new Result(size, evaluations, median, sorted[0], rssAfterWarmUp, ResidentMemory.megabytes());
        }
    }
}
