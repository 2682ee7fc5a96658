package dev.atelier.loss;

/** The denominator each layer's {@code Σ (G − A)²} is divided by. */
@FunctionalInterface
public interface StyleNormalization {

    /**
     * @param channels    the layer's channel count
     * @param layerPixels the layer's H·W
     * @param imagePixels the input image's H·W
     */
    double denominator(long channels, long layerPixels, long imagePixels);

    /**
     * The reference article's constants: {@code 4 · 3² · (H·W)²} with H, W the image's size and 3 its channels,
     * the same for every layer.
     */
    StyleNormalization SEED = (channels, layerPixels, imagePixels) -> 4.0 * 9.0 * (double) imagePixels * imagePixels;

    /** Gatys et al. (2016): {@code 4 · N² · M²} with N the layer's channels and M its H·W. */
    StyleNormalization GATYS = (channels, layerPixels, imagePixels) ->
            4.0 * (double) channels * channels * (double) layerPixels * layerPixels;

    /**
     * jcjohnson/neural-style: Gram matrices divided by C·H·W, then a mean squared error over the C×C entries,
     * i.e. {@code (C·H·W)² · C²}.
     */
    StyleNormalization JOHNSON = (channels, layerPixels, imagePixels) -> {
        double elements = (double) channels * layerPixels;
        return elements * elements * channels * channels;
    };
}
