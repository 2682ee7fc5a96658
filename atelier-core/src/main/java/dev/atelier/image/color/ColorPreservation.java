package dev.atelier.image.color;

import dev.atelier.image.CaffePreprocessing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Luminance-only style transfer (Gatys, Bethge, Hertzmann, Shechtman 2016, "Preserving Color in Neural Artistic
 * Style Transfer", section 3): the network paints the luma Y (BT.601, see {@link Luminance}) of the photo in the
 * luma of the painting, and the output takes its chroma from the photo:
 * <ol>
 *   <li>{@link #luminanceImage} of the content and of each style are the network's inputs;</li>
 *   <li>{@link #matchLuminance} first remaps a style's luma to the content's mean and standard deviation;</li>
 *   <li>{@link #recombine} gives the output: the stylized image's luma with the content's chroma.</li>
 * </ol>
 * All methods take any image type and return 8-bit RGB ({@code TYPE_INT_RGB}), values clamped and rounded.
 */
public final class ColorPreservation {

    private ColorPreservation() {}

    /** A grey image whose R = G = B = the image's luma, rounded. */
    public static BufferedImage luminanceImage(BufferedImage image) {
        return Luminance.greyImage(Luminance.plane(image), image.getWidth(), image.getHeight());
    }

    /**
     * The style's luma, linearly remapped to the content's luma mean and standard deviation,
     * {@code Y' = σc / σs (Ys − μs) + μc}, as a grey image of the style's size (clamped, rounded); see
     * {@link #matchedLuminance} for the values before that. The images may differ in size; either may already
     * be a {@link #luminanceImage}.
     */
    public static BufferedImage matchLuminance(BufferedImage style, BufferedImage content) {
        return Luminance.greyImage(matchedLuminance(style, content), style.getWidth(), style.getHeight());
    }

    /**
     * The remapped style luma of {@link #matchLuminance}, unclamped, one value per pixel (row-major). A flat style
     * (σs = 0) becomes the content's mean everywhere.
     */
    public static float[] matchedLuminance(BufferedImage style, BufferedImage content) {
        float[] ys = Luminance.plane(style);
        double[] s = meanAndStd(ys);
        double[] c = meanAndStd(Luminance.plane(content));
        double scale = s[1] > 0 ? c[1] / s[1] : 0;
        float[] out = new float[ys.length];
        for (int i = 0; i < ys.length; i++) {
            out[i] = (float) (scale * (ys[i] - s[0]) + c[0]);
        }
        return out;
    }

    /**
     * The output of luminance-only transfer: at each pixel, the luma of {@code stylized} with the chroma (YUV's
     * U, V, or equally YIQ's I, Q) of {@code content}, back in RGB, clamped to 0..255 and rounded.
     *
     * <p>Both images must have the same size. Chroma is linear in {@code B − Y} and {@code R − Y}, and adding the
     * same amount to R, G and B adds it to Y (the weights sum to 1), so this is computed as
     * {@code content + (Y(stylized) − Y(content))} in every channel: exactly the YUV (or YIQ) recombination, up to
     * the final rounding, and clamping where that leaves 0..255.
     */
    public static BufferedImage recombine(BufferedImage stylized, BufferedImage content) {
        if (stylized.getWidth() != content.getWidth() || stylized.getHeight() != content.getHeight()) {
            throw new IllegalArgumentException("the stylized image is " + stylized.getWidth() + "x"
                    + stylized.getHeight() + " but the content is " + content.getWidth() + "x"
                    + content.getHeight() + "; resize one to the other first");
        }
        int[] styled = Pixels.rgb(stylized);
        int[] photo = Pixels.rgb(content);
        BufferedImage out = new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] result = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < result.length; p++) {
            int c = photo[p];
            int r = (c >> 16) & 0xFF;
            int g = (c >> 8) & 0xFF;
            int b = c & 0xFF;
            double shift = Luminance.of(styled[p]) - Luminance.of(r, g, b);
            result[p] = CaffePreprocessing.toByte(r + shift) << 16 | CaffePreprocessing.toByte(g + shift) << 8
                    | CaffePreprocessing.toByte(b + shift);
        }
        return out;
    }

    /** {mean, population standard deviation}, in double, two passes. */
    static double[] meanAndStd(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return new double[] {mean, Math.sqrt(squares / values.length)};
    }
}
