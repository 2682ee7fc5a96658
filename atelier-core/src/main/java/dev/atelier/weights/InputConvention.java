package dev.atelier.weights;

import dev.atelier.image.CaffeImage;

/**
 * The input a family of weights was trained on. Atelier's images, optimiser and TV loss always work in Caffe space
 * (BGR, 0..255, ImageNet mean subtracted); a network whose weights expect something else converts its input first,
 * with the per-channel affine map given here: {@code out[c] = in[c'] * scale[c] + offset[c]}, where {@code c'} is
 * {@code 2 - c} if {@link #reversesChannels()} and {@code c} otherwise.
 */
public enum InputConvention {

    /** Keras' VGG files, converted from the Caffe originals: BGR 0..255 minus the ImageNet mean. */
    CAFFE_BGR(false, new double[] {1, 1, 1}, new double[] {0, 0, 0}),

    /** torchvision's VGG files: RGB 0..1, minus mean (0.485, 0.456, 0.406), divided by std (0.229, 0.224, 0.225). */
    TORCHVISION_RGB(true, TorchvisionNormalization.scale(), TorchvisionNormalization.offset());

    private final boolean reversesChannels;
    private final double[] scale;
    private final double[] offset;

    InputConvention(boolean reversesChannels, double[] scale, double[] offset) {
        this.reversesChannels = reversesChannels;
        this.scale = scale;
        this.offset = offset;
    }

    /** Whether a Caffe-space image can be fed to the network as it is. */
    public boolean isCaffe() {
        return this == CAFFE_BGR;
    }

    public boolean reversesChannels() {
        return reversesChannels;
    }

    /** Per output channel (in the network's channel order). */
    public float[] channelScale() {
        return toFloats(scale);
    }

    /** Per output channel (in the network's channel order). */
    public float[] channelOffset() {
        return toFloats(offset);
    }

    /**
     * What to multiply the content weight by so that a preset keeps its content/style/TV balance with this family.
     * Derived, not measured: a ReLU network without biases is positively homogeneous, so features scale with the
     * input's scale {@code s} (here {@code 1 / (255 · mean std)}), the content loss with {@code s²}; TV lives in
     * image space and does not change, so the content weight is multiplied by {@code 1 / s²}.
     */
    public double contentWeightScale() {
        return Math.pow(pixelScale(), 2);
    }

    /** As {@link #contentWeightScale()}, for the Gram-based style loss, which scales with {@code s⁴}. */
    public double styleWeightScale() {
        return Math.pow(pixelScale(), 4);
    }

    /** The TV loss is computed on the Caffe-space image for every family. */
    public double tvWeightScale() {
        return 1.0;
    }

    /** {@code 1 / s}: how many Caffe units one unit of this family's input is, on average over the channels. */
    private double pixelScale() {
        double sum = 0;
        for (double s : scale) {
            sum += 1 / s;
        }
        return sum / scale.length;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** torchvision's ImageNet normalisation written as an affine map of the Caffe-space channels, reversed. */
    private static final class TorchvisionNormalization {
        private static final double[] MEAN = {0.485, 0.456, 0.406};
        private static final double[] STD = {0.229, 0.224, 0.225};

        /** Caffe's means in RGB order, i.e. after the channels are reversed. */
        private static double[] caffeMeanRgb() {
            return new double[] {CaffeImage.MEAN_R, CaffeImage.MEAN_G, CaffeImage.MEAN_B};
        }

        static double[] scale() {
            double[] out = new double[3];
            for (int c = 0; c < 3; c++) {
                out[c] = 1 / (255 * STD[c]);
            }
            return out;
        }

        /** {@code ((x + meanCaffe) / 255 − mean) / std = x · scale + (meanCaffe / 255 − mean) / std}. */
        static double[] offset() {
            double[] caffe = caffeMeanRgb();
            double[] out = new double[3];
            for (int c = 0; c < 3; c++) {
                out[c] = (caffe[c] / 255 - MEAN[c]) / STD[c];
            }
            return out;
        }
    }
}
