package dev.atelier.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The content term's value and gradient, which it computes apart (see {@link ContentLoss#layerPart}). */
class ContentLossTest {

    @Test
    void valueIsTheScaledSquaredDistanceAndGradientItsDerivative() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            Shape shape = new Shape(1, 16, 12, 10);
            NDArray target = manager.randomUniform(0, 400, shape);
            NDArray activation = manager.randomUniform(0, 400, shape);
            activation.setRequiresGradient(true);
            ContentLoss loss = new ContentLoss("block2_conv2", 0.025, target);

            float value;
            NDArray gradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray part = loss.layerPart("block2_conv2", activation, new Shape(1, 3, 48, 40));
                collector.backward(part);
                value = part.getFloat();
                gradient = activation.getGradient().duplicate();
            }

            NDArray difference = activation.stopGradient().sub(target);
            float direct = difference.square().sum().mul(0.025f).getFloat();
            assertThat(value).isEqualTo(direct).isGreaterThan(0f);
            float[] expected = difference.mul(2 * 0.025f).toFloatArray();
            float[] actual = gradient.toFloatArray();
            float largest = difference.abs().max().getFloat() * 0.05f;
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("gradient[%d]", i).isCloseTo(expected[i], within(largest * 1e-6f));
            }
        }
    }
}
