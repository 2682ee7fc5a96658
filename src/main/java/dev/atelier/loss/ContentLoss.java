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

    @Override
    public NDArray layerPart(String at, NDArray activation, Shape imageShape) {
        double scale = weight / normalization.denominator(target.size());
        try (NDArray squared = activation.sub(target).square()) {
            return Scalars.times(squared.sum(), scale);
        }
    }
}
