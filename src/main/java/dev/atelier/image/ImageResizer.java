package dev.atelier.image;

import com.twelvemonkeys.image.ResampleOp;
import java.awt.image.BufferedImage;

/**
 * Resizes 8-bit RGB images with TwelveMonkeys' {@link ResampleOp}, using its Catmull-Rom filter
 * ({@link ResampleOp#FILTER_CATROM}) both for shrinking and for enlarging. Catmull-Rom is the cubic
 * convolution kernel with a = -0.5, the same kernel as PIL's {@code Image.BICUBIC} that the reference uses, and
 * ResampleOp widens it by the scale factor when shrinking (antialiasing), as PIL does. (TwelveMonkeys'
 * {@code FILTER_CUBIC} is a cubic B-spline, which blurs.) The result is close to PIL's but not identical:
 * ResampleOp centres its samples differently (no half-pixel offset), and for images with a side of 2 pixels or
 * fewer it falls back to bilinear scaling.
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
        if (rgb.getWidth() == width && rgb.getHeight() == height) {
            return rgb;
        }
        BufferedImage out = new BufferedImage(target.width(), target.height(), BufferedImage.TYPE_INT_RGB);
        BufferedImage result = new ResampleOp(width, height, ResampleOp.FILTER_CATROM).filter(rgb, out);
        if (result.getWidth() != width || result.getHeight() != height) {
            throw new IllegalStateException("ResampleOp produced " + result.getWidth() + "x" + result.getHeight()
                    + " instead of " + target);
        }
        return RgbConverter.toRgb(result);
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
}
