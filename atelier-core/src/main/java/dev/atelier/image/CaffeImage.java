package dev.atelier.image;

import java.util.Arrays;

/**
 * An image preprocessed the Keras/Caffe way, as the network consumes it: BGR channel order, values 0..255
 * minus the per-channel mean {@link #MEAN_BGR}, stored height x width x 3 (row-major, channel last), i.e.
 * the value of channel c (0 = B, 1 = G, 2 = R) at row y, column x is {@code data[(y * width + x) * 3 + c]}.
 *
 * <p>Plain Java, free of DJL. The array is not copied: {@link #data()} is the live backing array, so that
 * large images can be handed to the network without copies; treat it as read-only unless you own the image.
 */
public final class CaffeImage {

    /**
     * The mean subtracted, per channel in B, G, R order: float32 values of (103.939, 116.779, 123.68), obtained
     * as numpy does for {@code np.array([...], dtype=np.float32)} (decimal to double, double to float).
     */
    public static final float MEAN_B = (float) 103.939;
    public static final float MEAN_G = (float) 116.779;
    public static final float MEAN_R = (float) 123.68;

    private final int height;
    private final int width;
    private final float[] data;

    /** Wraps {@code data} (not copied), which must hold exactly {@code height * width * 3} values. */
    public CaffeImage(int height, int width, float[] data) {
        checkShape(height, width, data.length);
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /** The mean as a new array {B, G, R}. */
    public static float[] meanBgr() {
        return new float[] {MEAN_B, MEAN_G, MEAN_R};
    }

    /** The number of values an image of this size holds: height * width * 3. */
    public static int valueCount(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got height " + height
                    + " and width " + width);
        }
        return Math.multiplyExact(Math.multiplyExact(height, width), 3);
    }

    static void checkShape(int height, int width, int length) {
        int expected = valueCount(height, width);
        if (length != expected) {
            throw new IllegalArgumentException("a " + height + "x" + width + "x3 image needs " + expected
                    + " values, got " + length);
        }
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The backing array (not a copy), height x width x 3, BGR. */
    public float[] data() {
        return data;
    }

    /** The value of channel {@code c} (0 = B, 1 = G, 2 = R) at row {@code y}, column {@code x}. */
    public float get(int y, int x, int c) {
        return data[(y * width + x) * 3 + c];
    }

    /** The values widened to double, as numpy's {@code .astype(np.float64)}. */
    public double[] toDoubles() {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i];
        }
        return out;
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaffeImage other
                && height == other.height && width == other.width && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CaffeImage[" + height + "x" + width + "x3]";
    }
}
