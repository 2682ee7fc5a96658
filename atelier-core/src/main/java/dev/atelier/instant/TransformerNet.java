package dev.atelier.instant;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.weights.StateDictFiles;
import dev.atelier.weights.WeightsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * pytorch/examples' fast_neural_style {@code TransformerNet} (the {@code johnson} family) on DJL NDArrays: reflection
 * padding, convolutions with bias, affine instance norm (eps 1e-5), ReLU, residual blocks, nearest ×2 upsampling
 * before the two up-convolutions. Input and output RGB 0..255, N×3×H×W.
 *
 * <p>Its parameters are held by their state-dict names ({@code conv1.conv2d.weight}, {@code in1.weight},
 * {@code res1.conv1.conv2d.weight}, …, see {@link #SHAPES}) in one manager; {@link #forward} is built from
 * differentiable NDArray ops only, so training can mark the parameters as needing gradients and reuse this class.
 * Thread-safe for inference: the parameters are only read, and each call's tensors live in the caller's manager.
 */
public final class TransformerNet extends TensorStyleNetwork {

    /** The state-dict names and shapes of every parameter, in pytorch/examples' order. */
    public static final Map<String, Shape> SHAPES = shapes();

    private static final float EPS = 1e-5f;

    private final NDManager manager;
    private final Map<String, NDArray> parameters;

    private TransformerNet(String name, NDManager manager, Map<String, NDArray> parameters) {
        super(name, manager.getDevice());
        this.manager = manager;
        this.parameters = parameters;
    }

    /** Reads a {@code .pth} (legacy or zip) or {@code .safetensors} TransformerNet onto {@code device}. */
    public static TransformerNet load(Path file, Device device) {
        Map<String, StateDictFiles.Tensor> stateDict = StateDictFiles.read(file);
        Map<String, float[]> values = check(stateDict, "weights file '" + file + "'");
        return of(file.getFileName().toString(), values, device);
    }

    /**
     * A network from values by state-dict name (every name of {@link #SHAPES}, each of its shape's size), on a new
     * manager on {@code device}.
     */
    public static TransformerNet of(String name, Map<String, float[]> values, Device device) {
        return build(name, device, (manager, key, shape) -> {
            float[] v = values.get(key);
            if (v == null || v.length != shape.size()) {
                throw new IllegalArgumentException("parameter " + key + " needs " + shape.size() + " values, got "
                        + (v == null ? "none" : v.length));
            }
            return manager.create(v, shape);
        });
    }

    /**
     * A network holding copies of {@code arrays} (every name of {@link #SHAPES}, each of its shape), made by the
     * engine on their device in a new manager: no round trip through Java.
     */
    public static TransformerNet copyOf(String name, Map<String, NDArray> arrays) {
        return build(name, arrays.values().iterator().next().getDevice(), (manager, key, shape) -> {
            NDArray source = arrays.get(key);
            if (source == null || !source.getShape().equals(shape)) {
                throw new IllegalArgumentException("parameter " + key + " must have shape " + shape + ", got "
                        + (source == null ? "none" : source.getShape()));
            }
            NDArray copy = source.duplicate();
            copy.attach(manager);
            return copy;
        });
    }

    /** Makes one parameter, in {@code manager}, for a state-dict name and its shape. */
    private interface ParameterMaker {
        NDArray make(NDManager manager, String key, Shape shape);
    }

    /** Every parameter of {@link #SHAPES} made in a new manager on {@code device}, closed again if one fails. */
    private static TransformerNet build(String name, Device device, ParameterMaker maker) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, Shape> e : SHAPES.entrySet()) {
                NDArray p = maker.make(manager, e.getKey(), e.getValue());
                p.setName(e.getKey());
                parameters.put(e.getKey(), p);
            }
            return new TransformerNet(name, manager, Collections.unmodifiableMap(parameters));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Checks that a state dict is a TransformerNet; returns its values by name (running statistics dropped). */
    static Map<String, float[]> check(Map<String, StateDictFiles.Tensor> stateDict, String where) {
        TreeSet<String> missing = new TreeSet<>(SHAPES.keySet());
        missing.removeAll(stateDict.keySet());
        List<String> unknown = new ArrayList<>();
        for (String key : stateDict.keySet()) {
            if (!SHAPES.containsKey(key) && !key.contains("running_")) {
                unknown.add(key);
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            if (missing.size() == SHAPES.size()) {
                throw new WeightsException(where + " is not a TransformerNet (pytorch/examples' fast_neural_style): "
                        + "it has none of its keys (it has " + first(stateDict.keySet()) + ")"
                        + (looksLikeVgg(stateDict.keySet()) ? "; VGG weights are for stylize, not apply" : ""));
            }
            throw new WeightsException(where + " is not a TransformerNet: "
                    + (missing.isEmpty() ? "" : "missing " + first(missing) + (unknown.isEmpty() ? "" : "; "))
                    + (unknown.isEmpty() ? "" : "unexpected " + first(unknown)));
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : SHAPES.entrySet()) {
            StateDictFiles.Tensor t = stateDict.get(e.getKey());
            if (!new Shape(t.shape()).equals(e.getValue())) {
                throw new WeightsException(where + " is not a TransformerNet: " + e.getKey() + " has shape "
                        + t.shapeText() + ", expected " + e.getValue());
            }
            values.put(e.getKey(), t.values());
        }
        return values;
    }

    static boolean looksLikeVgg(java.util.Collection<String> keys) {
        return keys.stream().anyMatch(k -> k.startsWith("features.") || k.startsWith("block1_conv1")
                || k.startsWith("conv1_1"));
    }

    private static String first(java.util.Collection<String> keys) {
        List<String> list = new ArrayList<>(keys);
        String shown = String.join(", ", list.subList(0, Math.min(3, list.size())));
        return list.size() > 3 ? shown + " and " + (list.size() - 3) + " more" : shown;
    }

    /** The parameters by state-dict name (the arrays themselves: training may attach gradients to them). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The parameters' values by state-dict name, copied from the device. */
    public Map<String, float[]> values() {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    /**
     * The raw forward pass, as the PyTorch module computes it: RGB 0..255 in, unclamped RGB out, sides
     * 4·⌈side/4⌉ (PyTorch's sizes for stride-2 convolutions followed by ×2 upsampling). Differentiable; results
     * attach to {@code x}'s manager; intermediate activations are freed as soon as the next layer is made.
     */
    public NDArray forward(NDArray x) {
        NDArray y = Layers.reluClosing(norm(conv(x, "conv1", 9, 1), "in1"));
        y = Layers.reluClosing(norm(convFreeing(y, "conv2", 3, 2), "in2"));
        y = Layers.reluClosing(norm(convFreeing(y, "conv3", 3, 2), "in3"));
        for (int r = 1; r <= 5; r++) {
            String b = "res" + r + ".";
            try (NDArray h = Layers.reluClosing(norm(conv(y, b + "conv1", 3, 1), b + "in1"));
                 NDArray h2 = norm(conv(h, b + "conv2", 3, 1), b + "in2")) {
                NDArray sum = h2.add(y);
                y.close();
                y = sum;
            }
        }
        y = Layers.reluClosing(norm(upConv(y, "deconv1"), "in4"));
        y = Layers.reluClosing(norm(upConv(y, "deconv2"), "in5"));
        return convFreeing(y, "deconv3", 9, 1);
    }

    /** Reflection padding of 4 (the 9×9 layers) and of 1 after two stride-2 layers need sides of 5 or more. */
    @Override
    public int minimumSide() {
        return 5;
    }

    @Override
    protected NDArray paintRaw(NDArray x) {
        try (NDArray raw = forward(x)) {
            return raw.clip(0, 255);
        }
    }

    /** As {@link #conv}, freeing {@code x} as soon as its padded copy is made (before the convolution runs). */
    private NDArray convFreeing(NDArray x, String layer, int k, int stride) {
        NDArray padded;
        try (x) {
            padded = Layers.reflectPad(x, k / 2);
        }
        try (padded) {
            return Layers.conv(padded, parameters.get(layer + ".conv2d.weight"),
                    parameters.get(layer + ".conv2d.bias"), stride);
        }
    }

    /** Reflection pad then convolve; frees nothing it was given. */
    private NDArray conv(NDArray x, String layer, int k, int stride) {
        try (NDArray padded = Layers.reflectPad(x, k / 2)) {
            return Layers.conv(padded, parameters.get(layer + ".conv2d.weight"), parameters.get(layer + ".conv2d.bias"),
                    stride);
        }
    }

    private NDArray upConv(NDArray x, String layer) {
        NDArray up;
        try (x) {
            up = Layers.upsample2(x);
        }
        return convFreeing(up, layer, 3, 1);
    }

    /** Instance norm that frees its input. */
    private NDArray norm(NDArray x, String layer) {
        try (x) {
            return Layers.instanceNorm(x, parameters.get(layer + ".weight"), parameters.get(layer + ".bias"), EPS);
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private static Map<String, Shape> shapes() {
        Map<String, Shape> s = new LinkedHashMap<>();
        conv(s, "conv1", 3, 32, 9);
        norm(s, "in1", 32);
        conv(s, "conv2", 32, 64, 3);
        norm(s, "in2", 64);
        conv(s, "conv3", 64, 128, 3);
        norm(s, "in3", 128);
        for (int r = 1; r <= 5; r++) {
            conv(s, "res" + r + ".conv1", 128, 128, 3);
            norm(s, "res" + r + ".in1", 128);
            conv(s, "res" + r + ".conv2", 128, 128, 3);
            norm(s, "res" + r + ".in2", 128);
        }
        conv(s, "deconv1", 128, 64, 3);
        norm(s, "in4", 64);
        conv(s, "deconv2", 64, 32, 3);
        norm(s, "in5", 32);
        conv(s, "deconv3", 32, 3, 9);
        return Collections.unmodifiableMap(s);
    }

    private static void conv(Map<String, Shape> s, String layer, int in, int out, int k) {
        s.put(layer + ".conv2d.weight", new Shape(out, in, k, k));
        s.put(layer + ".conv2d.bias", new Shape(out));
    }

    private static void norm(Map<String, Shape> s, String layer, int channels) {
        s.put(layer + ".weight", new Shape(channels));
        s.put(layer + ".bias", new Shape(channels));
    }
}
