package dev.atelier.weights;

import java.util.Locale;

/** What a model is for: a loss (feature) network that images are compared through, or a network that paints a style. */
public enum ModelKind {
    /** A loss network (VGG, Darknet): its layers' activations define content and style losses. */
    FEATURE,
    /** A feed-forward style network (instant style): photo in, painted image out. */
    STYLE;

    /** "feature" or "style", as {@code weights list} prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
