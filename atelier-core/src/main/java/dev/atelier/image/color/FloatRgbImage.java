package dev.atelier.image.color;

import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.RgbConverter;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An RGB image as floats on the 0..255 scale of 8-bit pixels, not clamped, so that values computed from an image
 * can leave that range until {@link #toImage()} clamps them. Stored row-major, R, G, B interleaved: the value of
 * channel {@code c} (0 = R, 1 = G, 2 = B) at row {@code y}, column {@code x} is
 * {@code data[(y * width + x) * 3 + c]}.
 *
 * <p>The array is not copied: {@link #data()} is the live backing array.
 */
public final class FloatRgbImage {

    private final int width;
    private final int height;
    private final float[] data;

    /** Wraps {@code data} (not copied), which must hold exactly {@code width * height * 3} values. */
    public FloatRgbImage(int width, int height, float[] data) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        long expected = 3L * width * height;
        if (data.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs " + expected
                    + " values, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    /** The pixels of any image (converted to 8-bit RGB first, see {@link RgbConverter}) as floats 0..255. */
    public static FloatRgbImage of(BufferedImage image) {
        int[] pixels = Pixels.rgb(image);
        float[] data = new float[Math.multiplyExact(pixels.length, 3)];
        for (int p = 0, i = 0; p < pixels.length; p++) {
            int v = pixels[p];
            data[i++] = (v >> 16) & 0xFF;
            data[i++] = (v >> 8) & 0xFF;
            data[i++] = v & 0xFF;
        }
        return new FloatRgbImage(image.getWidth(), image.getHeight(), data);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int pixelCount() {
        return width * height;
    }

    /** The backing array (not a copy): R, G, B interleaved, row-major. */
    public float[] data() {
        return data;
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B) at column {@code x}, row {@code y}. */
    public float get(int x, int y, int c) {
        return data[(y * width + x) * 3 + c];
    }

    /** An 8-bit RGB image ({@code TYPE_INT_RGB}): each value clamped to 0..255 and rounded to nearest. */
    public BufferedImage toImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int p = 0, i = 0; p < pixels.length; p++, i += 3) {
            pixels[p] = CaffePreprocessing.toByte(data[i]) << 16 | CaffePreprocessing.toByte(data[i + 1]) << 8
                    | CaffePreprocessing.toByte(data[i + 2]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "FloatRgbImage[" + width + "x" + height + "]";
    }
}
