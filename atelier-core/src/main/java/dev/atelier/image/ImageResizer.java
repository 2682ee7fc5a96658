package dev.atelier.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Resizes 8-bit RGB images exactly as PIL's {@code Image.resize(size, Image.BICUBIC)} does, the resize the
 * reference's {@code load_image} uses, so that a photo of any size preprocesses to the reference's bits.
 *
 * <p>It is PIL's separable convolution: the cubic kernel with a = -0.5, widened by the scale factor when shrinking
 * (antialiasing), sampled at pixel centres, each output pixel's weights normalised to sum 1 and then rounded to
 * 22-bit fixed point; a horizontal pass whose rows are clipped to 0..255, then a vertical pass. No library was
 * used: the ones available (TwelveMonkeys' ResampleOp, imgscalr, java.awt) centre samples and round differently,
 * by up to several levels.
 */
public final class ImageResizer {

    private ImageResizer() {}

    /**
     * The image resized to exactly {@code width} x {@code height}, as {@code TYPE_INT_RGB}. If it already has
     * that size it is returned unchanged (the same pixels, converted to {@code TYPE_INT_RGB} if it was not).
     */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        ImageSize target = new ImageSize(width, height);
        BufferedImage rgb = RgbConverter.toRgb(image);
        int inWidth = rgb.getWidth();
        int inHeight = rgb.getHeight();
        if (inWidth == width && inHeight == height) {
            return rgb;
        }
        int[] pixels = rgb.getRGB(0, 0, inWidth, inHeight, null, 0, inWidth);
        CubicWeights vertical = CubicWeights.of(inHeight, height);
        int firstRow = vertical.first(0);
        int endRow = vertical.first(height - 1) + vertical.count(height - 1);
        if (width != inWidth) {
            pixels = horizontal(pixels, inWidth, firstRow, endRow, CubicWeights.of(inWidth, width));
            vertical = vertical.shiftedBy(firstRow);
        }
        if (height != inHeight) {
            pixels = vertical(pixels, width, vertical);
        }
        BufferedImage out = new BufferedImage(target.width(), target.height(), BufferedImage.TYPE_INT_RGB);
        int[] outPixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < outPixels.length; i++) {
            outPixels[i] = pixels[i] & 0xFFFFFF;
        }
        return out;
    }

    /** The image resized to exactly {@code size}; see {@link #resize(BufferedImage, int, int)}. */
    public static BufferedImage resize(BufferedImage image, ImageSize size) {
        return resize(image, size.width(), size.height());
    }

    /**
     * The image resized so that its longest side is {@code longestSide} pixels, keeping the aspect ratio (the
     * other side rounded to nearest, at least 1; see {@link ImageSize#withLongestSide}). Enlarges as well as
     * shrinks.
     */
    public static BufferedImage resizeLongestSide(BufferedImage image, int longestSide) {
        ImageSize target = new ImageSize(image.getWidth(), image.getHeight()).withLongestSide(longestSide);
        return resize(image, target);
    }

    /** Rows {@code firstRow} (inclusive) to {@code endRow} (exclusive) of the input, each resampled to the new width. */
    private static int[] horizontal(int[] in, int inWidth, int firstRow, int endRow, CubicWeights w) {
        int outWidth = w.outputs();
        int[] out = new int[outWidth * (endRow - firstRow)];
        for (int y = firstRow; y < endRow; y++) {
            int outRow = (y - firstRow) * outWidth;
            for (int x = 0; x < outWidth; x++) {
                out[outRow + x] = convolve(in, y * inWidth, 1, w, x);
            }
        }
        return out;
    }

    private static int[] vertical(int[] in, int width, CubicWeights w) {
        int outHeight = w.outputs();
        int[] out = new int[width * outHeight];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = convolve(in, x, width, w, y);
            }
        }
        return out;
    }

    /**
     * Output pixel {@code output} of one pass: its weights applied to the input pixels at {@code origin + step * i}
     * for i from the weights' first input on.
     */
    private static int convolve(int[] in, int origin, int step, CubicWeights w, int output) {
        int start = origin + w.first(output) * step;
        int count = w.count(output);
        int base = w.offset(output);
        int r = CubicWeights.HALF;
        int g = CubicWeights.HALF;
        int b = CubicWeights.HALF;
        for (int i = 0; i < count; i++) {
            int p = in[start + i * step];
            int k = w.fixed(base + i);
            r += ((p >> 16) & 0xFF) * k;
            g += ((p >> 8) & 0xFF) * k;
            b += (p & 0xFF) * k;
        }
        return CubicWeights.pack(r, g, b);
    }
}
