package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code Σ_l w_l · Σ (G_l − A_l)² / norm_l}: G the generated image's Gram matrices, A the style's targets. */
public final class StyleLoss implements LossTerm {

    private final Map<String, Double> layerWeights;
    private final Map<String, NDArray> targetGrams;
    private final StyleNormalization normalization;

    /**
     * @param layerWeights per-layer weight, in the order the terms are summed
     * @param targetGrams  the style's Gram matrix per layer; must outlive this term
     */
    public StyleLoss(Map<String, Double> layerWeights, Map<String, NDArray> targetGrams,
                     StyleNormalization normalization) {
        this.layerWeights = new LinkedHashMap<>(layerWeights);
        this.targetGrams = Map.copyOf(targetGrams);
        this.normalization = normalization;
        for (String layer : layerWeights.keySet()) {
            if (!targetGrams.containsKey(layer)) {
                throw new IllegalArgumentException("no style target for layer " + layer);
            }
        }
    }

    @Override
    public String name() {
        return "style";
    }

    @Override
    public Set<String> layers() {
        return layerWeights.keySet();
    }

    @Override
    public NDArray compute(NDArray image, Map<String, NDArray> features) {
        long imagePixels = image.getShape().get(2) * image.getShape().get(3);
        NDArray total = null;
        for (Map.Entry<String, Double> e : layerWeights.entrySet()) {
            NDArray f = features.get(e.getKey());
            long layerPixels = f.getShape().get(2) * f.getShape().get(3);
            double scale = e.getValue() / normalization.denominator(f.getShape().get(1), layerPixels, imagePixels);
            NDArray term = Gram.of(f).sub(targetGrams.get(e.getKey())).square().sum().mul((float) scale);
            total = total == null ? term : total.add(term);
        }
        return total;
    }
}
