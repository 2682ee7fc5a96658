package dev.atelier.image;

import dev.atelier.image.random.NumpyGenerator;

/**
 * The reference's random images, bit-identical to numpy's:
 * <pre>
 * rng = np.random.default_rng(seed)
 * x = (rng.uniform(0, 255, (1, h, w, 3)) - 128.0).astype(np.float64).reshape(-1)      # initial image
 * content = (rng.uniform(0, 255, (h, w, 3)) - MEAN_BGR).astype(np.float32)            # synthetic inputs
 * </pre>
 * All values are in the {@link CaffeImage} layout (height x width x 3, BGR, mean-centred).
 */
public final class NoiseInit {

    private NoiseInit() {}

    /** The initial image as numpy's float64 values: {@code uniform(0, 255) - 128.0} from {@code default_rng(seed)}. */
    public static double[] doubles(long seed, int height, int width) {
        return doubles(NumpyGenerator.defaultRng(seed), height, width);
    }

    /** As {@link #doubles(long, int, int)}, drawing from an existing generator (continuing its stream). */
    public static double[] doubles(NumpyGenerator rng, int height, int width) {
        double[] x = rng.uniform(0, 255, CaffeImage.valueCount(height, width));
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] - 128.0;
        }
        return x;
    }

    /** {@link #doubles(long, int, int)} rounded to float, as numpy's {@code .astype(np.float32)}. */
    public static float[] floats(long seed, int height, int width) {
        return toFloats(doubles(seed, height, width));
    }

    /** {@link #floats(long, int, int)} as a CaffeImage. */
    public static CaffeImage image(long seed, int height, int width) {
        return new CaffeImage(height, width, floats(seed, height, width));
    }

    /**
     * The reference's synthetic content or style image: {@code (rng.uniform(0, 255, (h, w, 3)) - MEAN_BGR)} in
     * float64 (the float32 mean widened), then rounded to float32. Draws from {@code rng}; the reference draws
     * the content and then the style from {@code default_rng(seed + 1)}.
     */
    public static CaffeImage synthetic(NumpyGenerator rng, int height, int width) {
        double[] u = rng.uniform(0, 255, CaffeImage.valueCount(height, width));
        float[] data = new float[u.length];
        float[] mean = CaffeImage.meanBgr();
        for (int i = 0; i < u.length; i++) {
            data[i] = (float) (u[i] - (double) mean[i % 3]);
        }
        return new CaffeImage(height, width, data);
    }

    private static float[] toFloats(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
