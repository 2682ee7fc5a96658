package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the VGG convolutions among a file's named tensors, in either naming: torchvision's
 * {@code features.N.weight/bias} (N the module index in its {@code features} Sequential; the classifier is
 * ignored) or Keras-style {@code blockB_convC.weight/bias}. Kernels are {@code out × in × kh × kw} in both.
 */
final class VggStateDict {

    /** Set in a safetensors file's {@code __metadata__} to override the convention its names imply. */
    static final String CONVENTION_KEY = "input_convention";

    private static final Pattern TORCHVISION = Pattern.compile("features\\.(\\d+)\\.(\\w+)");
    private static final Pattern KERAS = Pattern.compile("(block(\\d)_conv(\\d+))\\.(weight|bias)");

    private VggStateDict() {}

    static VggWeights read(TensorTable table, String source) {
        String where = table.where();
        List<ConvWeights> layers;
        InputConvention convention;
        if (table.names().stream().anyMatch(n -> TORCHVISION.matcher(n).matches())) {
            layers = torchvisionLayers(table);
            convention = InputConvention.TORCHVISION_RGB;
        } else if (table.names().stream().anyMatch(n -> KERAS.matcher(n).matches())) {
            layers = kerasNamedLayers(table);
            convention = InputConvention.CAFFE_BGR;
        } else {
            throw new WeightsException(where + " holds no VGG convolutions (no features.N.weight or "
                    + "blockB_convC.weight tensors among its " + table.names().size() + ")");
        }
        VggArchitecture architecture = VggStructure.validate(layers, where);
        return new VggWeights(architecture, layers, source, convention(table, convention));
    }

    /** Where torchvision's VGG puts each convolution in {@code features}: conv, ReLU per layer, a pool per block. */
    static Map<Integer, String> torchvisionIndices(VggArchitecture architecture) {
        Map<Integer, String> out = new TreeMap<>();
        int index = 0;
        int[] convs = architecture.convsPerBlock();
        for (int b = 0; b < convs.length; b++) {
            for (int c = 1; c <= convs[b]; c++) {
                out.put(index, "block" + (b + 1) + "_conv" + c);
                index += 2;
            }
            index++;
        }
        return out;
    }

    private static List<ConvWeights> torchvisionLayers(TensorTable table) {
        TreeSet<Integer> convs = new TreeSet<>();
        for (String name : table.names()) {
            Matcher m = TORCHVISION.matcher(name);
            if (!m.matches()) {
                continue;
            }
            switch (m.group(2)) {
                case "weight" -> convs.add(Integer.parseInt(m.group(1)));
                case "bias" -> { }
                default -> throw new WeightsException(table.where() + " has tensor '" + name
                        + "': batch-normalised VGG (vgg16_bn, vgg19_bn) is not supported");
            }
        }
        for (VggArchitecture architecture : VggArchitecture.values()) {
            Map<Integer, String> indices = torchvisionIndices(architecture);
            if (indices.keySet().equals(convs)) {
                List<ConvWeights> layers = new ArrayList<>();
                indices.forEach((i, name) -> layers.add(conv(table, "features." + i, name)));
                return layers;
            }
        }
        throw new WeightsException(table.where() + " has convolutions at features " + convs
                + ", which is neither VGG16 " + torchvisionIndices(VggArchitecture.VGG16).keySet() + " nor VGG19 "
                + torchvisionIndices(VggArchitecture.VGG19).keySet());
    }

    private static List<ConvWeights> kerasNamedLayers(TensorTable table) {
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        for (String name : table.names()) {
            Matcher m = KERAS.matcher(name);
            if (m.matches()) {
                byPosition.put(Integer.parseInt(m.group(2)) * 1000 + Integer.parseInt(m.group(3)), m.group(1));
            }
        }
        List<ConvWeights> layers = new ArrayList<>();
        byPosition.values().forEach(name -> layers.add(conv(table, name, name)));
        return layers;
    }

    private static ConvWeights conv(TensorTable table, String prefix, String layer) {
        String weight = prefix + ".weight";
        String bias = prefix + ".bias";
        if (!table.names().contains(weight) || !table.names().contains(bias)) {
            throw new WeightsException(table.where() + " has " + (table.names().contains(weight) ? weight : bias)
                    + " but no " + (table.names().contains(weight) ? bias : weight));
        }
        long[] k = table.shape(weight);
        long[] b = table.shape(bias);
        if (k.length != 4 || b.length != 1 || b[0] != k[0] || Arrays.stream(k).anyMatch(d -> d < 1 || d > 1 << 16)) {
            throw new WeightsException(table.where() + ": " + weight + " has shape " + Arrays.toString(k) + " and "
                    + bias + " shape " + Arrays.toString(b) + ", expected out×in×kh×kw and out");
        }
        float[] kernel = table.values(weight);
        float[] biasValues = table.values(bias);
        return new ConvWeights(layer, (int) k[0], (int) k[1], (int) k[2], (int) k[3], kernel, biasValues);
    }

    private static InputConvention convention(TensorTable table, InputConvention implied) {
        String declared = table.metadata().get(CONVENTION_KEY);
        if (declared == null) {
            return implied;
        }
        try {
            return InputConvention.valueOf(declared.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WeightsException(table.where() + " declares " + CONVENTION_KEY + " '" + declared
                    + "'; expected caffe_bgr or torchvision_rgb");
        }
    }
}
