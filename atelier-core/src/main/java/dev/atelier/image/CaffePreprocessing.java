package dev.atelier.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Converts between 8-bit RGB images and the network's {@link CaffeImage} layout, exactly as the reference's
 * {@code load_image} / {@code save_image} do:
 * <pre>
 * a = np.asarray(img, dtype=np.float32)[:, :, ::-1] - MEAN_BGR          # preprocess
 * a = np.clip((x.reshape(h, w, 3) + MEAN_BGR)[:, :, ::-1], 0, 255)      # deprocess, then to uint8
 * </pre>
 * Preprocessing is float32 arithmetic (a float pixel value minus a float mean), so it equals numpy's to the bit.
 */
public final class CaffePreprocessing {

    private CaffePreprocessing() {}

    /** RGB pixels to BGR floats minus the mean; any image type is first converted by {@link RgbConverter}. */
    public static CaffeImage preprocess(BufferedImage image) {
        BufferedImage rgb = RgbConverter.toRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        float[] data = new float[CaffeImage.valueCount(height, width)];
        int[] row = new int[width];
        int i = 0;
        for (int y = 0; y < height; y++) {
            rgb.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                data[i++] = (float) (p & 0xFF) - CaffeImage.MEAN_B;
                data[i++] = (float) ((p >> 8) & 0xFF) - CaffeImage.MEAN_G;
                data[i++] = (float) ((p >> 16) & 0xFF) - CaffeImage.MEAN_R;
            }
        }
        return new CaffeImage(height, width, data);
    }

    /**
     * Back to an 8-bit RGB image ({@code TYPE_INT_RGB}): add the mean (in float, as numpy does for a float32
     * array), BGR to RGB, clamp to 0..255 and round to nearest (ties to even, like {@code np.rint}); NaN
     * becomes 0.
     *
     * <p>Note: the reference truncates ({@code astype("uint8")}) where we round, on purpose: an optimised value
     * meant to be the integer {@code v} often lands a hair below it (254.99998), which truncation turns into
     * {@code v - 1}, darkening the image by half a level on average. For values that came straight from
     * {@link #preprocess} both give back the original pixels (in float, {@code (v - mean) + mean == v}); the
     * {@code double[]} variant below relies on rounding for that.
     */
    public static BufferedImage deprocess(CaffeImage image) {
        int height = image.height();
        int width = image.width();
        float[] data = image.data();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int p = 0, i = 0; p < pixels.length; p++, i += 3) {
            int b = toByte(data[i] + CaffeImage.MEAN_B);
            int g = toByte(data[i + 1] + CaffeImage.MEAN_G);
            int r = toByte(data[i + 2] + CaffeImage.MEAN_R);
            pixels[p] = r << 16 | g << 8 | b;
        }
        return out;
    }

    /** {@link #deprocess(CaffeImage)} for float values in the CaffeImage layout. */
    public static BufferedImage deprocess(float[] data, int height, int width) {
        return deprocess(new CaffeImage(height, width, data));
    }

    /**
     * {@link #deprocess(CaffeImage)} for double values in the CaffeImage layout (e.g. the optimiser's variable):
     * the float32 mean is widened to double and added in double, as numpy does for a float64 array.
     */
    public static BufferedImage deprocess(double[] data, int height, int width) {
        CaffeImage.checkShape(height, width, data.length);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int p = 0, i = 0; p < pixels.length; p++, i += 3) {
            int b = toByte(data[i] + (double) CaffeImage.MEAN_B);
            int g = toByte(data[i + 1] + (double) CaffeImage.MEAN_G);
            int r = toByte(data[i + 2] + (double) CaffeImage.MEAN_R);
            pixels[p] = r << 16 | g << 8 | b;
        }
        return out;
    }

    /** Clamp to 0..255, then round to nearest, ties to even; NaN is 0. */
    public static int toByte(double v) {
        if (!(v > 0)) {
            return 0; // also NaN
        }
        if (v >= 255) {
            return 255;
        }
        return (int) Math.rint(v);
    }
}
