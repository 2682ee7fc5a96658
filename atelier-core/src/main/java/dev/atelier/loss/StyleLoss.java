package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Σ_l w_l · Σ_r Σ (G_rl − A_rl)² / norm_l}: for each layer l and region r, G the Gram matrix of the
 * generated image's activations (masked by the region, if it has a mask: guided Gram matrices, Gatys et al. 2017)
 * and A the region's target. Without masks there is one region covering the image.
 */
public final class StyleLoss implements LossTerm {

    /**
     * A part of the output that takes one style.
     *
     * @param targetGrams per layer, the Gram matrix the region should have; must outlive the term
     * @param masks       per layer, a {@code 1×1×h×w} weight map at the layer's resolution; empty for the whole image
     */
    public record Region(Map<String, NDArray> targetGrams, Map<String, NDArray> masks) {

        public static Region whole(Map<String, NDArray> targetGrams) {
            return new Region(targetGrams, Map.of());
        }
    }

    private final Map<String, Double> layerWeights;
    private final List<Region> regions;
    private final StyleNormalization normalization;

    /** @param layerWeights per-layer weight, in the order the terms are summed */
    public StyleLoss(Map<String, Double> layerWeights, List<Region> regions, StyleNormalization normalization) {
        this.layerWeights = new LinkedHashMap<>(layerWeights);
        this.regions = List.copyOf(regions);
        this.normalization = normalization;
        for (Region region : regions) {
            for (String layer : layerWeights.keySet()) {
                if (!region.targetGrams().containsKey(layer)) {
                    throw new IllegalArgumentException("no style target for layer " + layer);
                }
            }
        }
    }

    /** One style over the whole image. */
    public StyleLoss(Map<String, Double> layerWeights, Map<String, NDArray> targetGrams,
                     StyleNormalization normalization) {
        this(layerWeights, List.of(Region.whole(targetGrams)), normalization);
    }

    @Override
    public String name() {
        return "style";
    }

    @Override
    public Set<String> layers() {
        return layerWeights.keySet();
    }

    /**
     * {@code scale · Σ(MᵀM − A)²}, M the {@code (H·W) × C} activations, with a hand-made backward. Autograd would
     * spend three matrix products on MᵀM and its gradient; here G = Mᵀ·M̄ is tracked in its first factor only
     * (M̄ = M without gradient), and {@code Σ G ⊙ W} with W = dL/dG + dL/dGᵀ, zero in value after subtracting
     * itself, carries the exact gradient M̄·W back to M: two products, and nothing new is kept for the backward pass.
     */
    private static NDArray gramDistance(NDArray features, NDArray target, double scale) {
        NDArray m = Gram.pixelsByChannels(features);
        NDArray tracked = m.transpose().matMul(m.stopGradient());
        NDArray difference = tracked.stopGradient().sub(target);
        NDArray value = Scalars.times(difference.square().sum(), scale);
        NDArray w = Scalars.times(difference.add(difference.transpose()), 2 * scale);
        NDArray carrier = tracked.mul(w).sum();
        return value.add(carrier.sub(carrier.stopGradient()));
    }

    @Override
    public NDArray layerPart(String layer, NDArray f, Shape imageShape) {
        long imagePixels = imageShape.get(2) * imageShape.get(3);
        long layerPixels = f.getShape().get(2) * f.getShape().get(3);
        double scale = layerWeights.get(layer)
                / normalization.denominator(f.getShape().get(1), layerPixels, imagePixels);
        NDArray total = null;
        for (Region region : regions) {
            NDArray mask = region.masks().get(layer);
            NDArray term = gramDistance(mask == null ? f : f.mul(mask), region.targetGrams().get(layer), scale);
            total = total == null ? term : total.add(term);
        }
        return total;
    }
}
