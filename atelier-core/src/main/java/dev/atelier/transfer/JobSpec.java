package dev.atelier.transfer;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Everything a stylization needs, from decoded images to the recipe: what the command line and the web app fill
 * in, and {@link StylizeJob} runs.
 *
 * @param content        the photo
 * @param styles         one or more style images
 * @param blendWeights   one per style, or empty for equal weights
 * @param masks          one per style (null entries: everywhere), or empty for no masks
 * @param styleScale     null: styles at the output's size (the seed preset); else their longest side is this
 *                       factor times the output's
 * @param size           longest side of the output; 0 keeps the content's size
 * @param scales         longest sides of the coarse-to-fine passes before the last (which is {@code size});
 *                       empty for a single pass
 * @param scaleIterations outer iterations at each coarse pass
 * @param init           the start of the first pass
 * @param colors         colour handling
 * @param recipe         preset and overrides
 */
public record JobSpec(BufferedImage content, List<BufferedImage> styles, List<Double> blendWeights,
                      List<BufferedImage> masks, Double styleScale, int size, List<Integer> scales,
                      int scaleIterations, InitChoice init, ColorMode colors, Recipe recipe) {

    public JobSpec {
        styles = List.copyOf(styles);
        blendWeights = List.copyOf(blendWeights);
        masks = masks.stream().map(m -> m == null ? NO_MASK : m).toList();
        scales = List.copyOf(scales);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one style image is needed");
        }
        if (!blendWeights.isEmpty() && blendWeights.size() != styles.size()) {
            throw new IllegalArgumentException(blendWeights.size() + " blend weights for " + styles.size()
                    + " styles: give one weight per style");
        }
        if (blendWeights.stream().anyMatch(w -> !(w >= 0) || w.isInfinite())
                || (!blendWeights.isEmpty() && blendWeights.stream().mapToDouble(Double::doubleValue).sum() == 0)) {
            throw new IllegalArgumentException("blend weights must be finite, >= 0 and not all 0");
        }
        if (!masks.isEmpty() && masks.size() != styles.size()) {
            throw new IllegalArgumentException(masks.size() + " masks for " + styles.size()
                    + " styles: give one mask per style");
        }
        for (int i = 0; i < masks.size(); i++) {
            BufferedImage m = masks.get(i);
            double maskRatio = (double) m.getWidth() / m.getHeight();
            double contentRatio = (double) content.getWidth() / content.getHeight();
            if (m != NO_MASK && Math.abs(maskRatio / contentRatio - 1) > 0.02) {
                throw new IllegalArgumentException("mask " + (i + 1) + " is " + m.getWidth() + "x" + m.getHeight()
                        + " but the content is " + content.getWidth() + "x" + content.getHeight()
                        + ": a mask must have the content's aspect ratio");
            }
        }
        if (styleScale != null && !(styleScale > 0 && styleScale <= 8)) {
            throw new IllegalArgumentException("the style scale must be > 0 and at most 8, got " + styleScale);
        }
        if (scaleIterations < 1) {
            throw new IllegalArgumentException("iterations per scale must be at least 1");
        }
    }

    /** Stands for "no mask" in {@link #masks()} (lists cannot hold nulls). */
    public static final BufferedImage NO_MASK = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    /** The start of a run. */
    public record InitChoice(Kind kind, long seed, double noise, BufferedImage image) {
        public enum Kind { RANDOM, CONTENT, STYLE, IMAGE }

        public static InitChoice random(long seed) {
            return new InitChoice(Kind.RANDOM, seed, 0, null);
        }
    }

    /** Colour handling: luminance-only transfer, and/or recolouring the styles to the content's palette. */
    public record ColorMode(boolean preserveColors, ColorMatch matchColors) {
        public static final ColorMode NONE = new ColorMode(false, ColorMatch.NONE);
    }

    /** How styles are recoloured to the content's colour statistics. */
    public enum ColorMatch { NONE, CHOL, PCA, SYM }

    /** The seed preset on one content and one style at {@code size}. */
    public static JobSpec seed(BufferedImage content, BufferedImage style, int size, long seed) {
        return new JobSpec(content, List.of(style), List.of(), List.of(), null, size, List.of(), 1,
                InitChoice.random(seed), ColorMode.NONE, Recipe.of(Preset.SEED));
    }
}
