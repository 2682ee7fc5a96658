package dev.atelier.weights;

import java.nio.FloatBuffer;

/**
 * The parameters of one 3×3 convolution, in PyTorch's layout: kernel {@code out × in × kh × kw}
 * (cross-correlation, as both Keras and PyTorch compute it), bias of length {@code out}.
 */
public record ConvWeights(String name, int outChannels, int inChannels, int kernelHeight, int kernelWidth,
                          float[] kernel, float[] bias) {

    public ConvWeights {
        if (kernel.length != outChannels * inChannels * kernelHeight * kernelWidth) {
            throw new IllegalArgumentException(name + ": kernel has " + kernel.length + " values, expected "
                    + outChannels + "x" + inChannels + "x" + kernelHeight + "x" + kernelWidth);
        }
        if (bias.length != outChannels) {
            throw new IllegalArgumentException(name + ": bias has " + bias.length + " values, expected " + outChannels);
        }
    }

    /** Reorders a Keras kernel {@code kh × kw × in × out} into {@code out × in × kh × kw}; no flip. */
    public static float[] fromKerasLayout(float[] hwio, int kh, int kw, int in, int out) {
        return fromKerasLayout(FloatBuffer.wrap(hwio), kh, kw, in, out);
    }

    /**
     * As {@link #fromKerasLayout(float[], int, int, int, int)}, reading straight from a buffer (a file's mapped
     * bytes), so that no second Java copy of the kernel is made and left for the collector.
     */
    public static float[] fromKerasLayout(FloatBuffer hwio, int kh, int kw, int in, int out) {
        if (hwio.remaining() != kh * kw * in * out) {
            throw new IllegalArgumentException("kernel has " + hwio.remaining() + " values, expected " + kh + "x" + kw
                    + "x" + in + "x" + out);
        }
        float[] oihw = new float[hwio.remaining()];
        FloatBuffer source = hwio.duplicate();
        // One bulk read per input position (its out values), then scattered: element-wise reads from a mapped
        // buffer are several times slower.
        float[] row = new float[out];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    source.get(row);
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + y) * kw + x] = row[o];
                    }
                }
            }
        }
        return oihw;
    }
}
