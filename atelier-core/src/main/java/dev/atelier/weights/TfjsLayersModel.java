package dev.atelier.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A TensorFlow.js layers model: {@code model.json} (the Keras topology and a weights manifest) and its shards of
 * raw little-endian values, each manifest group's shards concatenated in order and its tensors read one after the
 * other. Nothing in the JSON is trusted: shard names must be plain file names beside {@code model.json}, every
 * tensor's shape and dtype is checked, and each group's shards must hold exactly the bytes its tensors need.
 *
 * @param layers  the topology's layers, in file order
 * @param tensors every weight by its manifest name
 */
public record TfjsLayersModel(Path folder, List<Layer> layers, Map<String, Tensor> tensors) {

    /** One Keras layer of the topology: its class, name, config and the names of the layers it reads. */
    public record Layer(String className, String name, JsonNode config, List<String> inputs) {}

    /** A float32 tensor, values in row-major order. */
    public record Tensor(String name, int[] shape, float[] values) {}

    /** Bounds far above any model Atelier can use, so that a hostile manifest cannot make it allocate without end. */
    static final long MAX_JSON_BYTES = 16L << 20;
    static final long MAX_TENSOR_VALUES = 1L << 28;
    static final long MAX_GROUP_BYTES = (1L << 31) - 1;

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    /** Reads {@code model.json} (or the folder holding it) and its shards. */
    public static TfjsLayersModel read(Path modelJsonOrFolder) {
        Path json = Files.isDirectory(modelJsonOrFolder) ? modelJsonOrFolder.resolve("model.json") : modelJsonOrFolder;
        String where = "TF.js model '" + json + "'";
        RegularFile.require(json, where);
        Path folder = json.toAbsolutePath().getParent();
        JsonNode root = parse(json, where);
        List<Layer> layers = layers(root, where);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        JsonNode manifest = root.get("weightsManifest");
        if (manifest == null || !manifest.isArray()) {
            throw new WeightsException(where + " has no weightsManifest list");
        }
        int group = 0;
        for (JsonNode g : manifest) {
            group++;
            readGroup(folder, g, group, where, tensors);
        }
        return new TfjsLayersModel(folder, Collections.unmodifiableList(layers), Collections.unmodifiableMap(tensors));
    }

    /** The tensor called {@code name}; an error naming the model if it has none. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new WeightsException("TF.js model in '" + folder + "' has no weight " + name);
        }
        return t;
    }

    private static JsonNode parse(Path json, String where) {
        try {
            if (Files.size(json) > MAX_JSON_BYTES) {
                throw new WeightsException(where + " is larger than " + (MAX_JSON_BYTES >> 20) + " MB; not a model.json");
            }
            ObjectMapper mapper = new ObjectMapper();
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
            JsonNode root = mapper.readTree(json.toFile());
            if (root == null || !root.isObject()) {
                throw new WeightsException(where + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new WeightsException(where + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Layer> layers(JsonNode root, String where) {
        JsonNode config = root.path("modelTopology").path("model_config").path("config");
        JsonNode list = config.isArray() ? config : config.path("layers");
        if (!list.isArray() || list.isEmpty()) {
            throw new WeightsException(where + " has no modelTopology.model_config layers (is it a TF.js layers model?)");
        }
        List<Layer> out = new ArrayList<>();
        for (JsonNode l : list) {
            String className = l.path("class_name").asText("");
            JsonNode c = l.path("config");
            String name = c.path("name").asText(l.path("name").asText(""));
            if (className.isEmpty() || name.isEmpty()) {
                throw new WeightsException(where + ": layer " + (out.size() + 1) + " has no class_name or name");
            }
            List<String> inputs = new ArrayList<>();
            for (JsonNode node : l.path("inbound_nodes")) {
                for (JsonNode edge : node) {
                    if (edge.isArray() && !edge.isEmpty()) {
                        inputs.add(edge.get(0).asText());
                    }
                }
            }
            out.add(new Layer(className, name, c, List.copyOf(inputs)));
        }
        return out;
    }

    private static void readGroup(Path folder, JsonNode group, int index, String where, Map<String, Tensor> tensors) {
        JsonNode paths = group.path("paths");
        JsonNode weights = group.path("weights");
        if (!paths.isArray() || paths.isEmpty() || !weights.isArray()) {
            throw new WeightsException(where + ": weights group " + index + " has no paths or weights list");
        }
        List<int[]> shapes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long needed = 0;
        for (JsonNode w : weights) {
            String name = w.path("name").asText("");
            String dtype = w.path("dtype").asText("float32");
            if (name.isEmpty()) {
                throw new WeightsException(where + ": a weight of group " + index + " has no name");
            }
            if (!dtype.equals("float32")) {
                throw new WeightsException(where + ": weight " + name + " is " + dtype + "; only float32 is supported");
            }
            if (w.has("quantization") || group.has("quantization")) {
                throw new WeightsException(where + ": weight " + name + " is quantized; only float32 is supported");
            }
            int[] shape = shape(w.path("shape"), name, where);
            long count = 1;
            for (int d : shape) {
                count *= d;
                if (count > MAX_TENSOR_VALUES) {
                    throw new WeightsException(where + ": weight " + name + " has an impossible shape");
                }
            }
            if (tensors.containsKey(name) || names.contains(name)) {
                throw new WeightsException(where + ": weight " + name + " is listed twice");
            }
            names.add(name);
            shapes.add(shape);
            needed += 4 * count;
            if (needed > MAX_GROUP_BYTES) {
                throw new WeightsException(where + ": weights group " + index + " is larger than 2 GB");
            }
        }
        ByteBuffer bytes = concatenate(folder, paths, needed, index, where);
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < names.size(); i++) {
            int[] shape = shapes.get(i);
            long count = 1;
            for (int d : shape) {
                count *= d;
            }
            float[] values = new float[(int) count];
            bytes.asFloatBuffer().get(values);
            bytes.position(bytes.position() + 4 * values.length);
            tensors.put(names.get(i), new Tensor(names.get(i), shape, values));
        }
    }

    private static int[] shape(JsonNode node, String name, String where) {
        if (!node.isArray() || node.size() > 8) {
            throw new WeightsException(where + ": weight " + name + " has no valid shape");
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > MAX_TENSOR_VALUES) {
                throw new WeightsException(where + ": weight " + name + " has a bad dimension " + d);
            }
            shape[i] = d.asInt();
        }
        return shape;
    }

    /** The group's shards, in order, which must hold exactly {@code needed} bytes. */
    private static ByteBuffer concatenate(Path folder, JsonNode paths, long needed, int index, String where) {
        List<Path> files = new ArrayList<>();
        long total = 0;
        for (JsonNode p : paths) {
            String name = p.asText("");
            if (!PLAIN_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new WeightsException(where + ": shard name '" + name + "' is not a plain file name");
            }
            Path shard = folder.resolve(name);
            if (!Files.isRegularFile(shard)) {
                throw new WeightsException(where + ": shard " + name + " of weights group " + index + " is missing");
            }
            try {
                total += Files.size(shard);
            } catch (IOException e) {
                throw new WeightsException(where + ": shard " + name + " cannot be read: " + e.getMessage(), e);
            }
            files.add(shard);
        }
        if (total != needed) {
            throw new WeightsException(where + ": weights group " + index + " (" + paths.get(0).asText()
                    + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : "") + ") holds " + total
                    + " bytes but its manifest's shapes need " + needed + " (shard cut short or of the wrong size?)");
        }
        ByteBuffer out = ByteBuffer.allocate((int) needed);
        for (Path shard : files) {
            try {
                byte[] b = Files.readAllBytes(shard);
                if (b.length > out.remaining()) {
                    throw new WeightsException(where + ": shard " + shard.getFileName() + " changed while being read");
                }
                out.put(b);
            } catch (IOException e) {
                throw new WeightsException(where + ": shard " + shard.getFileName() + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        if (out.hasRemaining()) {
            throw new WeightsException(where + ": weights group " + index + " changed while being read");
        }
        out.flip();
        return out;
    }
}
