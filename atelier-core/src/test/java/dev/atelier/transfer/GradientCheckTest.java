package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.loss.ContentNormalization;
import dev.atelier.loss.StyleNormalization;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggNetwork;
import dev.atelier.optimize.Objective;
import dev.atelier.weights.KerasH5Reader;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The analytic gradient of each loss term agrees with central finite differences on a tiny image. */
class GradientCheckTest {

    private static final int SIZE = 16;

    static Stream<Arguments> terms() {
        Map<String, Double> style = Map.of("block1_conv2", 1.0, "block3_conv3", 1.0, "block5_conv3", 1.0);
        return Stream.of(
                Arguments.of("content", new LossSpec(Map.of("block2_conv2", 0.025), ContentNormalization.SUM, Map.of(), StyleNormalization.SEED, 0, 1.25)),
                Arguments.of("style", new LossSpec(Map.of(), ContentNormalization.SUM, style, StyleNormalization.SEED, 0, 1.25)),
                Arguments.of("tv", new LossSpec(Map.of(), ContentNormalization.SUM, Map.of(), StyleNormalization.SEED, 1.0, 1.25)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void analyticGradientMatchesCentralDifferences(String term, LossSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(42);
            VggNetwork network = new VggNetwork(KerasH5Reader.read(SharedFiles.tinyWeights()), manager, Pooling.MAX);
            CaffeImage content = new CaffeImage(SIZE, SIZE,
                    manager.randomUniform(-100, 100, new Shape(SIZE * SIZE * 3)).toFloatArray());
            CaffeImage style = new CaffeImage(SIZE, SIZE,
                    manager.randomUniform(-100, 100, new Shape(SIZE * SIZE * 3)).toFloatArray());
            StyleTransferObjective objective = ObjectiveBuilder.build(network, manager, spec, content, style);
            NDArray x = manager.randomUniform(-100, 100, new Shape(3L * SIZE * SIZE)).toType(DataType.FLOAT64, false);
            Objective.Evaluation at = objective.evaluate(x);
            assertThat(at.value()).as(term + " is not trivially zero").isGreaterThan(0);
            for (int probe = 0; probe < 4; probe++) {
                NDArray direction = manager.randomNormal(new Shape(x.size())).toType(DataType.FLOAT64, false);
                direction = direction.div(direction.norm());
                double analytic = at.gradient().toType(DataType.FLOAT64, false).dot(direction).getDouble();
                double step = 0.5;
                double plus = objective.evaluate(x.add(direction.mul(step))).value();
                double minus = objective.evaluate(x.sub(direction.mul(step))).value();
                double numeric = (plus - minus) / (2 * step);
                assertThat(analytic).as(term + " directional derivative, probe " + probe)
                        .isCloseTo(numeric, within(Math.abs(numeric) * 2e-2 + at.value() * 1e-5));
            }
        }
    }
}
