package dev.atelier.transfer;

import dev.atelier.loss.StyleNormalization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the objective is made of: the content layer and weight, per-layer style weights and their normalisation,
 * and the total-variation weight and exponent.
 */
public record LossSpec(Map<String, Double> contentLayers, Map<String, Double> styleLayers,
                       StyleNormalization styleNormalization, double tvWeight, double tvExponent) {

    public LossSpec {
        contentLayers = new LinkedHashMap<>(contentLayers);
        styleLayers = new LinkedHashMap<>(styleLayers);
    }

    /** The seed preset with the given term weights (the style weight is shared equally by its layers). */
    public static LossSpec seed(LossWeights weights) {
        Map<String, Double> style = new LinkedHashMap<>();
        for (String layer : SeedPreset.STYLE_LAYERS) {
            style.put(layer, weights.style() / SeedPreset.STYLE_LAYERS.size());
        }
        return new LossSpec(Map.of(SeedPreset.CONTENT_LAYER, weights.content()), style, StyleNormalization.SEED,
                weights.tv(), SeedPreset.TV_EXPONENT);
    }
}
