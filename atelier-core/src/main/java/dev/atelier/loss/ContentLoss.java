package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Set;

/** {@code weight · Σ (F − P)² / norm} at one layer: F the generated image's activations, P the content image's. */
public final class ContentLoss implements LossTerm {

    private final String layer;
    private final double weight;
    private final NDArray target;
    private final ContentNormalization normalization;

    /** @param target the content image's activations at {@code layer}; must outlive this term */
    public ContentLoss(String layer, double weight, NDArray target) {
        this(layer, weight, target, ContentNormalization.SUM);
    }

    public ContentLoss(String layer, double weight, NDArray target, ContentNormalization normalization) {
        this.layer = layer;
        this.weight = weight;
        this.target = target;
        this.normalization = normalization;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public Set<String> layers() {
        return Set.of(layer);
    }

    /**
     * The value is {@code scale · Σ(F − P)²}, computed outside the graph. The gradient comes from
     * {@code c = scale · (ΣF⊙F − 2 ΣF⊙P)}, added as {@code c − c}, zero in value: its gradient
     * {@code 2·scale·F − 2·scale·P} is that of the loss, and its products keep only F and P for the backward pass,
     * which are kept anyway (F by the ReLU, P as the target), where autograd through {@code (F − P)²} would keep
     * F − P as well (at 512², 33.5 MB held through the whole backward pass). The gradient may differ from the
     * direct one in the last bit, where F − P is rounded before it is scaled.
     */
    @Override
    public NDArray layerPart(String at, NDArray activation, Shape imageShape) {
        double scale = weight / normalization.denominator(target.size());
        NDArray value;
        try (NDArray f = activation.stopGradient();
             NDArray difference = f.sub(target);
             NDArray squared = difference.square();
             NDArray sum = squared.sum()) {
            value = Scalars.times(sum, scale);
        }
        NDArray carrier;
        try (NDArray selfProducts = activation.mul(activation);
             NDArray selfSum = selfProducts.sum();
             NDArray crossProducts = activation.mul(target);
             NDArray crossSum = crossProducts.sum();
             NDArray self = Scalars.times(selfSum, scale);
             NDArray cross = Scalars.times(crossSum, 2 * scale)) {
            carrier = self.sub(cross);
        }
        try (carrier; NDArray detached = carrier.stopGradient(); NDArray zero = carrier.sub(detached)) {
            return value.add(zero);
        }
    }
}
