package dev.atelier.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.atelier.weights.ConvWeights;
import dev.atelier.weights.InputConvention;
import dev.atelier.weights.VggWeights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A VGG feature stack on a device. Its parameters live in the manager it was made with, for the whole run;
 * {@link #features} runs the stack only as deep as the deepest layer asked for.
 */
public final class VggNetwork implements FeatureNetwork {

    private static final Shape KERNEL_STRIDE = new Shape(1, 1);
    private static final Shape PAD = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);

    private final VggArchitecture architecture;
    private final List<String> layerNames;
    private final List<FeatureLayer> layers;
    private final Map<String, NDArray[]> parameters;
    private final Pooling pooling;
    private final InputConvention input;
    /** Per-channel scale and offset that take a Caffe-space image to the weights' own input; null for Caffe. */
    private final NDArray[] inputAffine;

    public VggNetwork(VggWeights weights, NDManager manager, Pooling pooling) {
        this.architecture = weights.architecture();
        this.layerNames = architecture.layerNames();
        this.pooling = pooling;
        this.parameters = new HashMap<>();
        for (ConvWeights layer : weights.layers()) {
            // Reordered in Java rather than on the device, so no native temporary is left in the allocator's cache.
            // The created array's memory is DJL's own buffer, which the transposed view only borrows: both stay in
            // the manager.
            NDArray ohwi = manager.create(channelsLast(layer), new Shape(layer.outChannels(), layer.kernelHeight(),
                    layer.kernelWidth(), layer.inChannels()));
            NDArray kernel = ohwi.transpose(0, 3, 1, 2);
            NDArray bias = manager.create(layer.bias());
            parameters.put(layer.name(), new NDArray[] {kernel, bias});
        }
        this.layers = describe(architecture, parameters);
        this.input = weights.inputConvention();
        this.inputAffine = input.isCaffe() ? null : new NDArray[] {
            manager.create(input.channelScale(), new Shape(1, 3, 1, 1)),
            manager.create(input.channelOffset(), new Shape(1, 3, 1, 1))};
    }

    private VggNetwork(VggNetwork shared, Pooling pooling) {
        this.architecture = shared.architecture;
        this.layerNames = shared.layerNames;
        this.parameters = shared.parameters;
        this.layers = shared.layers;
        this.input = shared.input;
        this.inputAffine = shared.inputAffine;
        this.pooling = pooling;
    }

    private static List<FeatureLayer> describe(VggArchitecture architecture, Map<String, NDArray[]> parameters) {
        List<FeatureLayer> out = new ArrayList<>();
        int stride = 1;
        for (String name : architecture.layerNames()) {
            out.add(new FeatureLayer(name, (int) parameters.get(name)[0].getShape().get(0), stride));
            if (architecture.poolsAfter(name)) {
                stride *= 2;
            }
        }
        return List.copyOf(out);
    }

    @Override
    public NetworkFamily family() {
        return NetworkFamily.of(architecture);
    }

    @Override
    public List<FeatureLayer> layers() {
        return layers;
    }

    /** Keras' {@code block4_conv2}, or Caffe's {@code conv4_2}/{@code relu4_2}. */
    @Override
    public String canonical(String name) {
        return LayerNames.canonical(name, architecture);
    }

    /** Pools round down: a layer after k pools needs a side of at least 2^k. */
    @Override
    public int minimumSide(Set<String> wanted) {
        return wanted.stream().mapToInt(l -> layer(l).stride()).max().orElse(1);
    }

    @Override
    public TermScales termScales() {
        return new TermScales(input.contentWeightScale(), input.styleWeightScale(), input.tvWeightScale());
    }

    /** This network with other pooling, sharing its parameters on the device (and their manager's lifetime). */
    @Override
    public VggNetwork withPooling(Pooling other) {
        return other == pooling ? this : new VggNetwork(this, other);
    }

    /** The input convention of the weights this network was made from. */
    public InputConvention inputConvention() {
        return input;
    }

    /** A kernel {@code out × in × kh × kw} reordered to {@code out × kh × kw × in}. */
    private static float[] channelsLast(ConvWeights layer) {
        int out = layer.outChannels();
        int in = layer.inChannels();
        int taps = layer.kernelHeight() * layer.kernelWidth();
        float[] oihw = layer.kernel();
        float[] ohwi = new float[oihw.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int t = 0; t < taps; t++) {
                    ohwi[(o * taps + t) * in + i] = oihw[(o * in + i) * taps + t];
                }
            }
        }
        return ohwi;
    }

    public VggArchitecture architecture() {
        return architecture;
    }

    @Override
    public boolean hasLayer(String name) {
        return parameters.containsKey(name);
    }

    /** Output channels of a layer. */
    public int channels(String layer) {
        return (int) parameters.get(layer)[0].getShape().get(0);
    }

    /**
     * Activations (after ReLU) of the wanted layers for an image of shape {@code 1×3×H×W}. Results attach to the
     * input's manager.
     */
    @Override
    public Map<String, NDArray> features(NDArray image, Set<String> wanted) {
        Map<String, NDArray> out = new HashMap<>();
        forward(image, wanted, out::put);
        return out;
    }

    /**
     * Runs the stack as deep as the deepest wanted layer, handing each wanted layer's activation to
     * {@code onLayer} as soon as it is made, before the stack goes deeper.
     */
    @Override
    public void forward(NDArray image, Set<String> wanted, BiConsumer<String, NDArray> onLayer) {
        for (String name : wanted) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("unknown layer '" + name + "'; " + architecture + " has "
                        + String.join(", ", layerNames));
            }
        }
        int left = wanted.size();
        NDArray h = Layouts.channelsLast(toWeightsInput(image));
        for (String name : layerNames) {
            if (left == 0) {
                break;
            }
            NDArray[] p = parameters.get(name);
            // ReLU's backward keeps its output, not its input: dropping the convolution's handle frees its memory.
            try (NDArray convolved = Conv2d.conv2d(h, p[0], p[1], KERNEL_STRIDE, PAD).singletonOrThrow()) {
                h = Activation.relu(convolved);
            }
            if (wanted.contains(name)) {
                onLayer.accept(name, h);
                left--;
            }
            if (left > 0 && architecture.poolsAfter(name)) {
                h = pooling == Pooling.MAX
                        ? Pool.maxPool2d(h, POOL, POOL, NO_PAD, false)
                        : Pool.avgPool2d(h, POOL, POOL, NO_PAD, false, true);
            }
        }
    }

    /** The image in the convention the weights were trained with; differentiable, so gradients stay in Caffe space. */
    private NDArray toWeightsInput(NDArray image) {
        if (inputAffine == null) {
            return image;
        }
        NDArray channels = input.reversesChannels() ? image.flip(1) : image;
        return channels.mul(inputAffine[0]).add(inputAffine[1]);
    }
}
