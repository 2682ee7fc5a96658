package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.atelier.image.CaffeImage;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.Pooling;
import dev.atelier.network.TensorEngine;
import dev.atelier.optimize.Objective;

/** The loss terms and gradient norm at one image: what {@code atelier loss} prints. */
public final class PointEvaluation {

    public record Result(LossValues loss, double gradientL2) {}

    private PointEvaluation() {}

    public static Result at(FeatureWeights weights, Pooling pooling, LossSpec spec, CaffeImage content,
                            CaffeImage style, CaffeImage image) {
        try (NDManager manager = TensorEngine.newManager()) {
            return at(FeatureNetworks.upload(weights, manager).withPooling(pooling), spec, content, style, image);
        }
    }

    /** On a network already on the device. */
    public static Result at(FeatureNetwork network, LossSpec spec, CaffeImage content, CaffeImage style,
                            CaffeImage image) {
        try (NDManager manager = TensorEngine.newManager()) {
            StyleTransferObjective objective = ObjectiveBuilder.build(network, manager, spec, content, style);
            NDArray x = Tensors.fromHwc(manager, image.toDoubles(), image.height(), image.width()).reshape(-1);
            Objective.Evaluation e = objective.evaluate(x);
            double l2 = Math.sqrt(e.gradient().toType(DataType.FLOAT64, false).square().sum().getDouble());
            return new Result(objective.lastValues(), l2);
        }
    }
}
