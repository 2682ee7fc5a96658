package dev.atelier.transfer;

import dev.atelier.loss.ContentNormalization;
import dev.atelier.loss.StyleNormalization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the objective is made of: per-layer content and style weights (absolute: already multiplied by the term's
 * weight) with their normalisations, and the total-variation weight and exponent.
 */
public record LossSpec(Map<String, Double> contentLayers, ContentNormalization contentNormalization,
                       Map<String, Double> styleLayers, StyleNormalization styleNormalization,
                       double tvWeight, double tvExponent) {

    public LossSpec {
        contentLayers = new LinkedHashMap<>(contentLayers);
        styleLayers = new LinkedHashMap<>(styleLayers);
    }

    /** The seed preset with the given term weights (the style weight is shared equally by its layers). */
    public static LossSpec seed(LossWeights weights) {
        return new LossSpec(Map.of(SeedPreset.CONTENT_LAYER, weights.content()), ContentNormalization.SUM,
                LayerWeights.equal(SeedPreset.STYLE_LAYERS, weights.style() / SeedPreset.STYLE_LAYERS.size()),
                StyleNormalization.SEED, weights.tv(), SeedPreset.TV_EXPONENT);
    }
}
