package dev.atelier.train;

import java.util.List;

/**
 * The weights and layers of Johnson et al.'s training loss (pytorch/examples' defaults are content 1e5, style
 * 1e10, no TV).
 */
public record LossSettings(List<String> contentLayers, List<String> styleLayers, double contentWeight,
                           double styleWeight, double tvWeight) {

    public LossSettings {
        contentLayers = List.copyOf(contentLayers);
        styleLayers = List.copyOf(styleLayers);
        if (contentLayers.isEmpty() && styleLayers.isEmpty()) {
            throw new IllegalArgumentException("the loss needs at least one content or style layer");
        }
        for (double w : new double[] {contentWeight, styleWeight, tvWeight}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("loss weights must be finite and not negative, got " + w);
            }
        }
    }
}
