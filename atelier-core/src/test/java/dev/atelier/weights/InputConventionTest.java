package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.atelier.image.CaffeImage;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggNetwork;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A torchvision-family file made from the same kernels as a Keras one gives, for a Caffe-space image, the
 * activations the Keras weights give for that image converted to torchvision's input by hand; and gradients
 * flow back through the conversion to Caffe space.
 */
class InputConventionTest {

    private static final int SIZE = 32;
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};
    private static final float[] CAFFE_MEAN_BGR = {CaffeImage.MEAN_B, CaffeImage.MEAN_G, CaffeImage.MEAN_R};

    @Test
    void torchvisionWeightsSeeTheCaffeImageAsTorchvisionWould() {
        VggWeights keras = WeightsFiles.read(WeightsFixtures.KERAS_H5);
        VggWeights torchvision = WeightsFiles.read(WeightsFixtures.LEGACY_PTH);
        float[] caffe = randomCaffeImage(1);
        Set<String> layers = Set.copyOf(keras.architecture().layerNames());
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = new VggNetwork(keras, m, Pooling.MAX)
                    .features(m.create(torchvisionInput(caffe), new Shape(1, 3, SIZE, SIZE)), layers);
            Map<String, NDArray> actual = new VggNetwork(torchvision, m, Pooling.MAX)
                    .features(m.create(caffe, new Shape(1, 3, SIZE, SIZE)), layers);
            for (String layer : layers) {
                float scale = expected.get(layer).abs().max().getFloat();
                assertThat(actual.get(layer).allClose(expected.get(layer), 1e-4, 1e-5 * scale, false))
                        .as(layer).isTrue();
            }
        }
    }

    @Test
    void gradientsReachTheCaffeImageThroughTheConversion() {
        VggWeights keras = WeightsFiles.read(WeightsFixtures.KERAS_H5);
        VggWeights torchvision = WeightsFiles.read(WeightsFixtures.ZIP_PTH);
        float[] caffe = randomCaffeImage(2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray viaTorchvision = gradient(new VggNetwork(torchvision, m, Pooling.MAX),
                    m.create(caffe, new Shape(1, 3, SIZE, SIZE)));
            NDArray wrtTorchvisionInput = gradient(new VggNetwork(keras, m, Pooling.MAX),
                    m.create(torchvisionInput(caffe), new Shape(1, 3, SIZE, SIZE)));
            // x_tv[c] = x_caffe[2 - c] / (255 std[c]) + const, so dL/dx_caffe[c] = dL/dx_tv[2 - c] / (255 std[2 - c]).
            float[] g = wrtTorchvisionInput.toFloatArray();
            float[] expected = new float[g.length];
            int plane = SIZE * SIZE;
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    expected[c * plane + i] = (float) (g[(2 - c) * plane + i] / (255 * STD[2 - c]));
                }
            }
            NDArray e = m.create(expected, new Shape(1, 3, SIZE, SIZE));
            assertThat(viaTorchvision.allClose(e, 1e-3, 1e-6 * e.abs().max().getFloat(), false)).isTrue();
        }
    }

    /**
     * The derivation behind the loss scales, checked where it holds exactly: with biases removed the network is
     * positively homogeneous, and the torchvision input is (almost) the Caffe one times s = 1/(255·0.226), so content
     * differences scale by s² and Gram differences by s⁴. The first layer's input channels are reversed so that both
     * networks compute the same function up to that scale. (On trained weights from two separate trainings this is
     * an estimate, not a measurement.)
     */
    @Test
    void lossScalesFollowFromTheInputScaleForABiasFreeNetwork() {
        VggWeights keras = withoutBiases(WeightsFiles.read(WeightsFixtures.KERAS_H5), InputConvention.CAFFE_BGR);
        VggWeights torchvision = withFirstLayerChannelsReversed(withoutBiases(keras, InputConvention.TORCHVISION_RGB));
        float[] x = randomCaffeImage(3);
        float[] y = randomCaffeImage(4);
        try (NDManager m = NDManager.newBaseManager()) {
            double[] caffe = contentAndStyle(new VggNetwork(keras, m, Pooling.MAX), m, x, y);
            double[] tv = contentAndStyle(new VggNetwork(torchvision, m, Pooling.MAX), m, x, y);
            InputConvention t = InputConvention.TORCHVISION_RGB;
            // per-channel stds differ by up to 1.3% from their mean: 2.6% in s², 5.2% in s⁴
            assertThat(caffe[0] / tv[0]).isCloseTo(t.contentWeightScale(), within(0.03 * t.contentWeightScale()));
            assertThat(caffe[1] / tv[1]).isCloseTo(t.styleWeightScale(), within(0.06 * t.styleWeightScale()));
        }
        assertThat(InputConvention.TORCHVISION_RGB.contentWeightScale()).isCloseTo(3321.2, within(1.0));
        assertThat(InputConvention.TORCHVISION_RGB.styleWeightScale()).isCloseTo(1.1030e7, within(1e4));
        assertThat(InputConvention.CAFFE_BGR.contentWeightScale()).isEqualTo(1.0);
        assertThat(InputConvention.CAFFE_BGR.styleWeightScale()).isEqualTo(1.0);
        assertThat(InputConvention.TORCHVISION_RGB.tvWeightScale()).isEqualTo(1.0);
    }

    /** Content: Σ(F(x) − F(y))² at block2_conv2; style: Σ(G(x) − G(y))² at block3_conv3. */
    private static double[] contentAndStyle(VggNetwork net, NDManager m, float[] x, float[] y) {
        Set<String> layers = Set.of("block2_conv2", "block3_conv3");
        Map<String, NDArray> fx = net.features(m.create(x, new Shape(1, 3, SIZE, SIZE)), layers);
        Map<String, NDArray> fy = net.features(m.create(y, new Shape(1, 3, SIZE, SIZE)), layers);
        double content = fx.get("block2_conv2").sub(fy.get("block2_conv2")).square().sum().getFloat();
        double style = gram(fx.get("block3_conv3")).sub(gram(fy.get("block3_conv3"))).square().sum().getFloat();
        return new double[] {content, style};
    }

    private static NDArray gram(NDArray features) {
        NDArray f = features.reshape(features.getShape().get(1), -1);
        return f.matMul(f.transpose());
    }

    private static VggWeights withoutBiases(VggWeights w, InputConvention convention) {
        List<ConvWeights> layers = w.layers().stream().map(c -> new ConvWeights(c.name(), c.outChannels(),
                c.inChannels(), c.kernelHeight(), c.kernelWidth(), c.kernel(), new float[c.outChannels()])).toList();
        return new VggWeights(w.architecture(), layers, w.source(), convention);
    }

    private static VggWeights withFirstLayerChannelsReversed(VggWeights w) {
        ConvWeights first = w.layers().get(0);
        float[] k = first.kernel();
        float[] reversed = new float[k.length];
        int taps = first.kernelHeight() * first.kernelWidth();
        for (int o = 0; o < first.outChannels(); o++) {
            for (int i = 0; i < 3; i++) {
                System.arraycopy(k, (o * 3 + i) * taps, reversed, (o * 3 + 2 - i) * taps, taps);
            }
        }
        List<ConvWeights> layers = new java.util.ArrayList<>(w.layers());
        layers.set(0, new ConvWeights(first.name(), first.outChannels(), 3, first.kernelHeight(), first.kernelWidth(),
                reversed, first.bias()));
        return new VggWeights(w.architecture(), layers, w.source(), w.inputConvention());
    }

    private static NDArray gradient(VggNetwork net, NDArray image) {
        image.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray f = net.features(image, Set.of("block2_conv2")).get("block2_conv2");
            collector.backward(f.square().sum());
            return image.getGradient().duplicate();
        }
    }

    /** 1×3×H×W, BGR minus the Caffe mean, as the optimiser sees images. */
    private static float[] randomCaffeImage(long seed) {
        Random random = new Random(seed);
        float[] out = new float[3 * SIZE * SIZE];
        for (int c = 0, i = 0; c < 3; c++) {
            for (int p = 0; p < SIZE * SIZE; p++, i++) {
                out[i] = random.nextInt(256) - CAFFE_MEAN_BGR[c];
            }
        }
        return out;
    }

    /** torchvision's own preprocessing, written out: back to BGR 0..255, to RGB 0..1, normalised. */
    private static float[] torchvisionInput(float[] caffe) {
        int plane = SIZE * SIZE;
        float[] out = new float[caffe.length];
        for (int rgb = 0; rgb < 3; rgb++) {
            int bgr = 2 - rgb;
            for (int i = 0; i < plane; i++) {
                double pixel = caffe[bgr * plane + i] + CAFFE_MEAN_BGR[bgr];
                out[rgb * plane + i] = (float) ((pixel / 255 - MEAN[rgb]) / STD[rgb]);
            }
        }
        return out;
    }
}
