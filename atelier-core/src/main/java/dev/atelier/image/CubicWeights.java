package dev.atelier.image;

/**
 * The weights of one resampling direction, as PIL computes them for {@code Image.BICUBIC}: for each output pixel,
 * the first input pixel it reads, how many it reads, and their weights in 22-bit fixed point. The arithmetic
 * (double precision, truncating casts, the order of operations) follows PIL's so that every weight rounds alike.
 */
final class CubicWeights {

    /** Fixed-point fraction bits: 32 bits less 8 for the sample and 2 for the kernel's overshoot. */
    private static final int PRECISION_BITS = 22;
    /** Added before the shift so that it rounds to nearest. */
    static final int HALF = 1 << (PRECISION_BITS - 1);
    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    private final int[] first;
    private final int[] count;
    private final int stride;
    private final int[] fixed;

    private CubicWeights(int[] first, int[] count, int stride, int[] fixed) {
        this.first = first;
        this.count = count;
        this.stride = stride;
        this.fixed = fixed;
    }

    static CubicWeights of(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        double inverse = 1.0 / filterScale;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[] fixed = new int[outSize * stride];
        double[] k = new double[stride];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int min = Math.max(0, (int) (center - support + 0.5));
            int max = Math.min(inSize, (int) (center + support + 0.5)) - min;
            double sum = 0.0;
            for (int i = 0; i < max; i++) {
                double w = cubic((i + min - center + 0.5) * inverse);
                k[i] = w;
                sum += w;
            }
            for (int i = 0; i < max; i++) {
                double w = sum != 0.0 ? k[i] / sum : k[i];
                fixed[o * stride + i] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                        : (int) (0.5 + w * (1 << PRECISION_BITS));
            }
            first[o] = min;
            count[o] = max;
        }
        return new CubicWeights(first, count, stride, fixed);
    }

    /** Keys's cubic convolution kernel with a = -0.5 (Catmull-Rom), written as PIL evaluates it. */
    private static double cubic(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    /** The same weights, reading from rows numbered from {@code origin} (the first row a horizontal pass kept). */
    CubicWeights shiftedBy(int origin) {
        int[] shifted = first.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] -= origin;
        }
        return new CubicWeights(shifted, count, stride, fixed);
    }

    int outputs() {
        return first.length;
    }

    int first(int output) {
        return first[output];
    }

    int count(int output) {
        return count[output];
    }

    int offset(int output) {
        return output * stride;
    }

    int fixed(int index) {
        return fixed[index];
    }

    /** Three fixed-point sums as one RGB pixel, each clipped to 0..255. */
    static int pack(int r, int g, int b) {
        return clip(r) << 16 | clip(g) << 8 | clip(b);
    }

    private static int clip(int sum) {
        int v = sum >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
