package dev.atelier.image.color;

import dev.atelier.image.CaffePreprocessing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Luma Y of ITU-R BT.601, the Y of YUV and YIQ: {@code Y = 0.299 R + 0.587 G + 0.114 B}, on the 0..255 scale.
 * The weights sum to 1, so a grey pixel (R = G = B) is its own luma.
 */
public final class Luminance {

    public static final double RED_WEIGHT = 0.299;
    public static final double GREEN_WEIGHT = 0.587;
    public static final double BLUE_WEIGHT = 0.114;

    private Luminance() {}

    /** The luma of an 8-bit RGB value {@code 0xRRGGBB} (higher bits ignored). */
    public static double of(int rgb) {
        return of((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** The luma of R, G, B values on the 0..255 scale. */
    public static double of(double r, double g, double b) {
        return RED_WEIGHT * r + GREEN_WEIGHT * g + BLUE_WEIGHT * b;
    }

    /** The luma of every pixel of any image (converted to 8-bit RGB first), row-major, one value per pixel. */
    public static float[] plane(BufferedImage image) {
        int[] pixels = Pixels.rgb(image);
        float[] y = new float[pixels.length];
        for (int p = 0; p < pixels.length; p++) {
            y[p] = (float) of(pixels[p]);
        }
        return y;
    }

    /** A grey 8-bit RGB image ({@code TYPE_INT_RGB}, R = G = B) of the values, clamped to 0..255 and rounded. */
    public static BufferedImage greyImage(float[] plane, int width, int height) {
        if (width < 1 || height < 1 || (long) width * height != plane.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + (long) width * height + " values, got " + plane.length);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels.length; p++) {
            int v = CaffePreprocessing.toByte(plane[p]);
            pixels[p] = v << 16 | v << 8 | v;
        }
        return out;
    }
}
