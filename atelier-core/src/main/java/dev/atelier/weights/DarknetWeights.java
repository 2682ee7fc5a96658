package dev.atelier.weights;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.NetworkFamily;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Darknet-style classifier read from a TF.js layers model: a chain of convolutions (Keras kernels, no bias or
 * a bias), batch normalisations in inference form, LeakyReLUs and 2×2 max-pools, in file order. Only what it can
 * run exactly is accepted; anything else is named in the error.
 */
public record DarknetWeights(List<Op> ops, String source) implements FeatureWeights {

    /** One step of the chain; {@code name} is the Keras layer's. */
    public sealed interface Op permits Conv, BatchNorm, Leaky, MaxPool, GlobalAveragePool {
        String name();
    }

    /** @param kernel Keras' {@code kh × kw × in × out} order; {@code bias} null when the layer has none */
    public record Conv(String name, int kernelHeight, int kernelWidth, int in, int out, float[] kernel, float[] bias)
            implements Op {}

    public record BatchNorm(String name, float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon)
            implements Op {}

    public record Leaky(String name, float alpha) implements Op {}

    /** 2×2, stride 2; {@code roundUp}: Keras' 'same' padding (a 75-pixel side pools to 38), else 'valid'. */
    public record MaxPool(String name, boolean roundUp) implements Op {}

    public record GlobalAveragePool(String name) implements Op {}

    private static final Set<String> KNOWN = Set.of("InputLayer", "Conv2D", "BatchNormalization", "LeakyReLU",
            "MaxPooling2D", "GlobalAveragePooling2D");

    @Override
    public NetworkFamily family() {
        return NetworkFamily.DARKNET_TINY;
    }

    /** Reads {@code model.json} (or its folder) and checks it is a chain Atelier can run. */
    public static DarknetWeights read(Path modelJson) {
        return from(TfjsLayersModel.read(modelJson));
    }

    public static DarknetWeights from(TfjsLayersModel model) {
        String where = "TF.js model in '" + model.folder() + "'";
        List<Op> ops = new ArrayList<>();
        String previous = null;
        int channels = 3;
        for (TfjsLayersModel.Layer layer : model.layers()) {
            if (!KNOWN.contains(layer.className())) {
                throw new WeightsException(where + ": layer " + layer.name() + " is a " + layer.className()
                        + ", which Atelier cannot run (it runs " + String.join(", ", KNOWN.stream().sorted().toList())
                        + ")");
            }
            if (previous != null && !layer.inputs().equals(List.of(previous))) {
                throw new WeightsException(where + ": layer " + layer.name() + " does not read the layer before it ("
                        + previous + "); only a chain of layers can be run");
            }
            previous = layer.name();
            JsonNode c = layer.config();
            switch (layer.className()) {
                case "InputLayer" -> {
                    if (!ops.isEmpty()) {
                        throw new WeightsException(where + ": input layer " + layer.name() + " is not the first");
                    }
                    JsonNode shape = c.path("batch_input_shape");
                    if (shape.isArray() && shape.size() == 4 && shape.get(3).isInt() && shape.get(3).asInt() != 3) {
                        throw new WeightsException(where + ": the input has " + shape.get(3) + " channels, not 3");
                    }
                }
                case "Conv2D" -> {
                    Conv conv = conv(model, layer, channels, where);
                    channels = conv.out();
                    ops.add(conv);
                }
                case "BatchNormalization" -> ops.add(batchNorm(model, layer, channels, where));
                case "LeakyReLU" -> {
                    double alpha = c.path("alpha").asDouble(0.3);
                    if (!(alpha >= 0 && alpha < 1)) {
                        throw new WeightsException(where + ": " + layer.name() + " has alpha " + alpha);
                    }
                    ops.add(new Leaky(layer.name(), (float) alpha));
                }
                case "MaxPooling2D" -> {
                    require(ints(c.path("pool_size")).equals(List.of(2, 2))
                                    && ints(c.path("strides")).equals(List.of(2, 2)) && channelsLast(c), layer,
                            "is not a 2×2 max-pool of stride 2", where);
                    String padding = c.path("padding").asText("valid");
                    require(padding.equals("same") || padding.equals("valid"), layer, "has padding " + padding, where);
                    ops.add(new MaxPool(layer.name(), padding.equals("same")));
                }
                case "GlobalAveragePooling2D" -> ops.add(new GlobalAveragePool(layer.name()));
                default -> throw new IllegalStateException(layer.className());
            }
        }
        if (ops.stream().noneMatch(o -> o instanceof Conv)) {
            throw new WeightsException(where + " has no convolution");
        }
        return new DarknetWeights(List.copyOf(ops), model.folder().toString());
    }

    private static Conv conv(TfjsLayersModel model, TfjsLayersModel.Layer layer, int in, String where) {
        JsonNode c = layer.config();
        List<Integer> size = ints(c.path("kernel_size"));
        require(size.size() == 2 && size.get(0) % 2 == 1 && size.get(1) % 2 == 1, layer,
                "has kernel size " + size + " (only odd sizes are supported)", where);
        require(ints(c.path("strides")).equals(List.of(1, 1)), layer, "has strides other than 1", where);
        JsonNode dilation = c.path("dilation_rate");
        require(dilation.isMissingNode() || ints(dilation).equals(List.of(1, 1)), layer, "is dilated", where);
        require(c.path("padding").asText("").equals("same"), layer, "does not have 'same' padding", where);
        require(channelsLast(c), layer, "is not channels_last", where);
        String activation = c.path("activation").asText("linear");
        require(activation.equals("linear"), layer, "has activation " + activation, where);
        int out = c.path("filters").asInt(-1);
        TfjsLayersModel.Tensor kernel = model.tensor(layer.name() + "/kernel");
        require(java.util.Arrays.equals(kernel.shape(), new int[] {size.get(0), size.get(1), in, out}), layer,
                "has a kernel of shape " + java.util.Arrays.toString(kernel.shape()) + ", expected ["
                        + size.get(0) + ", " + size.get(1) + ", " + in + ", " + out + "]", where);
        float[] bias = null;
        if (c.path("use_bias").asBoolean(true)) {
            TfjsLayersModel.Tensor b = model.tensor(layer.name() + "/bias");
            require(java.util.Arrays.equals(b.shape(), new int[] {out}), layer, "has a bias of the wrong shape", where);
            bias = b.values();
        }
        return new Conv(layer.name(), size.get(0), size.get(1), in, out, kernel.values(), bias);
    }

    private static BatchNorm batchNorm(TfjsLayersModel model, TfjsLayersModel.Layer layer, int channels,
                                       String where) {
        JsonNode c = layer.config();
        require(c.path("axis").asInt(-1) == -1 || c.path("axis").asInt() == 3, layer, "is not over channels", where);
        double epsilon = c.path("epsilon").asDouble(1e-3);
        require(epsilon > 0 && epsilon < 1, layer, "has epsilon " + epsilon, where);
        boolean scale = c.path("scale").asBoolean(true);
        boolean center = c.path("center").asBoolean(true);
        float[] gamma = scale ? vector(model, layer, "gamma", channels, where) : filled(channels, 1f);
        float[] beta = center ? vector(model, layer, "beta", channels, where) : filled(channels, 0f);
        float[] mean = vector(model, layer, "moving_mean", channels, where);
        float[] variance = vector(model, layer, "moving_variance", channels, where);
        for (float v : variance) {
            require(v >= 0 && Float.isFinite(v), layer, "has a negative or infinite moving variance", where);
        }
        return new BatchNorm(layer.name(), gamma, beta, mean, variance, epsilon);
    }

    private static float[] vector(TfjsLayersModel model, TfjsLayersModel.Layer layer, String part, int channels,
                                  String where) {
        TfjsLayersModel.Tensor t = model.tensor(layer.name() + "/" + part);
        require(java.util.Arrays.equals(t.shape(), new int[] {channels}), layer, "has a " + part + " of shape "
                + java.util.Arrays.toString(t.shape()) + ", expected [" + channels + "]", where);
        return t.values();
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static boolean channelsLast(JsonNode c) {
        return c.path("data_format").asText("channels_last").equals("channels_last");
    }

    private static List<Integer> ints(JsonNode node) {
        List<Integer> out = new ArrayList<>();
        node.forEach(n -> out.add(n.isInt() ? n.asInt() : -1));
        return out;
    }

    private static void require(boolean ok, TfjsLayersModel.Layer layer, String problem, String where) {
        if (!ok) {
            throw new WeightsException(where + ": layer " + layer.name() + " " + problem);
        }
    }
}
