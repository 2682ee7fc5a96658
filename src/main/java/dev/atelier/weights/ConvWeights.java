package dev.atelier.weights;

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
        float[] oihw = new float[hwio.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    int src = ((y * kw + x) * in + i) * out;
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + y) * kw + x] = hwio[src + o];
                    }
                }
            }
        }
        return oihw;
    }
}
