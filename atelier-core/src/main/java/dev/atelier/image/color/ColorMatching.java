package dev.atelier.image.color;

import java.awt.image.BufferedImage;

/**
 * Recolours a style image so that its RGB mean and covariance equal the content's ({@code --match-colors},
 * Gatys et al. 2016, "Preserving Color in Neural Artistic Style Transfer", section 2), by the affine
 * {@link ColorTransform} of a {@link ColorMatchMethod}. The images may differ in size; only the content's
 * statistics are used.
 */
public final class ColorMatching {

    private ColorMatching() {}

    /** The recoloured style as an 8-bit RGB image ({@code TYPE_INT_RGB}), clamped to 0..255 and rounded. */
    public static BufferedImage matchColors(BufferedImage style, BufferedImage content, ColorMatchMethod method) {
        return matchColorsUnclamped(style, content, method).toImage();
    }

    /** The recoloured style before clamping: its mean and covariance are the content's (see {@link ColorTransform}). */
    public static FloatRgbImage matchColorsUnclamped(BufferedImage style, BufferedImage content,
            ColorMatchMethod method) {
        FloatRgbImage s = FloatRgbImage.of(style);
        ColorTransform transform = ColorTransform.between(ColorStatistics.of(s), ColorStatistics.of(content), method);
        return transform.apply(s);
    }
}
