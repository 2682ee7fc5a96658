package dev.atelier.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.atelier.weights.DarknetWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Darknet Tiny (or any chain of convolutions, batch normalisations, LeakyReLUs and 2×2 max-pools read from a TF.js
 * layers model) on a device. Its input is RGB / 255, made from the Caffe-space image as its first differentiable
 * operation. A batch normalisation right after a convolution is folded into it (a per-channel scale of the kernel
 * and a bias) unless the convolution's own output is wanted; it then runs as the per-channel affine map it is in
 * inference. Works on a batch of any size.
 */
public final class DarknetNetwork implements FeatureNetwork {

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);
    private static final Pattern RELU_ALIAS = Pattern.compile("relu_?(\\d+)");
    /** The Caffe space's BGR mean, added back before the channels are flipped to RGB. */
    private static final float[] MEAN_BGR = {103.939f, 116.779f, 123.68f};

    /** One step on the device. */
    private sealed interface Step permits ConvStep, AffineStep, LeakyStep, PoolStep {
        String name();
    }

    /**
     * @param folded the convolution with the batch normalisation after it folded in, or null if none follows; its
     *               output is then the normalisation's, {@code foldedName}
     */
    private record ConvStep(String name, NDArray kernel, NDArray bias, Shape pad, NDArray[] folded,
                            String foldedName) implements Step {}

    private record AffineStep(String name, NDArray scale, NDArray shift) implements Step {}

    private record LeakyStep(String name, float alpha) implements Step {}

    private record PoolStep(String name, boolean roundUp) implements Step {}

    private final List<Step> steps = new ArrayList<>();
    private final List<FeatureLayer> layers = new ArrayList<>();
    private final boolean roundsUp;
    private final NDArray meanBgr;
    private final NDArray divisor;

    public DarknetNetwork(DarknetWeights weights, NDManager manager) {
        List<DarknetWeights.Op> ops = weights.ops();
        int stride = 1;
        int channels = 3;
        boolean allRoundUp = true;
        for (int i = 0; i < ops.size(); i++) {
            DarknetWeights.Op op = ops.get(i);
            if (op instanceof DarknetWeights.GlobalAveragePool) {
                break; // the classifier's head: nothing a loss reads
            }
            if (op instanceof DarknetWeights.Conv conv) {
                channels = conv.out();
                DarknetWeights.BatchNorm next = i + 1 < ops.size() && ops.get(i + 1) instanceof DarknetWeights.BatchNorm bn
                        ? bn : null;
                steps.add(convStep(conv, next, manager));
            } else if (op instanceof DarknetWeights.BatchNorm bn) {
                double[][] affine = affine(bn);
                steps.add(new AffineStep(bn.name(), manager.create(toFloats(affine[0]), new Shape(1, channels, 1, 1)),
                        manager.create(toFloats(affine[1]), new Shape(1, channels, 1, 1))));
            } else if (op instanceof DarknetWeights.Leaky leaky) {
                steps.add(new LeakyStep(leaky.name(), leaky.alpha()));
            } else if (op instanceof DarknetWeights.MaxPool pool) {
                steps.add(new PoolStep(pool.name(), pool.roundUp()));
                allRoundUp &= pool.roundUp();
                stride *= 2;
            }
            layers.add(new FeatureLayer(op.name(), channels, stride));
        }
        this.roundsUp = allRoundUp;
        this.meanBgr = manager.create(MEAN_BGR, new Shape(1, 3, 1, 1));
        this.divisor = manager.create(new float[] {255f}, new Shape(1));
    }

    private static ConvStep convStep(DarknetWeights.Conv conv, DarknetWeights.BatchNorm bn, NDManager manager) {
        Shape ohwi = new Shape(conv.out(), conv.kernelHeight(), conv.kernelWidth(), conv.in());
        NDArray kernel = manager.create(channelsLastKernel(conv, null), ohwi).transpose(0, 3, 1, 2);
        float[] bias = conv.bias() != null ? conv.bias() : new float[conv.out()];
        Shape pad = new Shape(conv.kernelHeight() / 2, conv.kernelWidth() / 2);
        NDArray[] folded = null;
        if (bn != null) {
            double[][] affine = affine(bn);
            double[] foldedBias = new double[conv.out()];
            for (int o = 0; o < conv.out(); o++) {
                foldedBias[o] = bias[o] * affine[0][o] + affine[1][o];
            }
            folded = new NDArray[] {manager.create(channelsLastKernel(conv, affine[0]), ohwi).transpose(0, 3, 1, 2),
                manager.create(toFloats(foldedBias))};
        }
        return new ConvStep(conv.name(), kernel, manager.create(bias), pad, folded, bn == null ? null : bn.name());
    }

    /** Inference batch normalisation as {@code x·scale + shift}, per channel, in double precision. */
    private static double[][] affine(DarknetWeights.BatchNorm bn) {
        int c = bn.gamma().length;
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int i = 0; i < c; i++) {
            scale[i] = bn.gamma()[i] / Math.sqrt((double) bn.variance()[i] + bn.epsilon());
            shift[i] = bn.beta()[i] - bn.mean()[i] * scale[i];
        }
        return new double[][] {scale, shift};
    }

    /** Keras' {@code kh × kw × in × out} kernel as {@code out × kh × kw × in}, each output channel times {@code scale}. */
    private static float[] channelsLastKernel(DarknetWeights.Conv conv, double[] scale) {
        int kh = conv.kernelHeight();
        int kw = conv.kernelWidth();
        int in = conv.in();
        int out = conv.out();
        float[] hwio = conv.kernel();
        float[] ohwi = new float[hwio.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        float v = hwio[((y * kw + x) * in + i) * out + o];
                        ohwi[((o * kh + y) * kw + x) * in + i] = scale == null ? v : (float) (v * scale[o]);
                    }
                }
            }
        }
        return ohwi;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Override
    public NetworkFamily family() {
        return NetworkFamily.DARKNET_TINY;
    }

    @Override
    public List<FeatureLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The file's names ({@code leaky_re_lu_8}, {@code conv2d_3}, …), any case; {@code reluN} is {@code leaky_re_lu_N}. */
    @Override
    public String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Matcher relu = RELU_ALIAS.matcher(n);
        if (relu.matches()) {
            n = "leaky_re_lu_" + relu.group(1);
        }
        if (!hasLayer(n)) {
            throw new IllegalArgumentException("unknown layer '" + name + "' for " + family() + "; layers are "
                    + layers.get(0).name() + " … " + layers.get(layers.size() - 1).name()
                    + " (conv2d_N, batch_normalization_N, leaky_re_lu_N or reluN, max_pooling2d_N)");
        }
        return n;
    }

    @Override
    public boolean poolsRoundUp() {
        return roundsUp;
    }

    @Override
    public int minimumSide(Set<String> wanted) {
        return roundsUp ? 1 : wanted.stream().mapToInt(l -> layer(l).stride()).max().orElse(1);
    }

    @Override
    public void forward(NDArray image, Set<String> wanted, BiConsumer<String, NDArray> onLayer) {
        for (String name : wanted) {
            if (!hasLayer(name)) {
                throw new IllegalArgumentException("unknown layer '" + name + "' for " + family());
            }
        }
        int left = wanted.size();
        NDArray h = Layouts.channelsLast(image.add(meanBgr).flip(1).div(divisor));
        for (int i = 0; i < steps.size() && left > 0; i++) {
            Step step = steps.get(i);
            if (step instanceof ConvStep conv) {
                if (conv.folded() != null && !wanted.contains(conv.name())) {
                    h = Conv2d.conv2d(h, conv.folded()[0], conv.folded()[1], ONE, conv.pad()).singletonOrThrow();
                    i++; // the batch normalisation is done
                    step = steps.get(i);
                } else {
                    h = Conv2d.conv2d(h, conv.kernel(), conv.bias(), ONE, conv.pad()).singletonOrThrow();
                }
            } else if (step instanceof AffineStep affine) {
                h = h.mul(affine.scale()).add(affine.shift());
            } else if (step instanceof LeakyStep leaky) {
                h = Activation.leakyRelu(h, leaky.alpha());
            } else if (step instanceof PoolStep pool) {
                h = Pool.maxPool2d(h, POOL, POOL, NO_PAD, pool.roundUp());
            }
            if (wanted.contains(step.name())) {
                onLayer.accept(step.name(), h);
                left--;
            }
        }
    }
}
