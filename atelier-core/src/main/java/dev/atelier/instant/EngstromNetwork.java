package dev.atelier.instant;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.weights.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Engstrom's fast-style-transfer network (the {@code engstrom} family) from a deeplearn.js checkpoint: a folder with
 * {@code manifest.json} (variable name to file and shape) and one raw little-endian float32 file per variable, as
 * ml5's style-transfer models are published. Defined exactly by {@code reference_fast.py}: convolutions without bias
 * and with TensorFlow's 'SAME' zero padding (a stride-2 layer on an even side pads 0 before and 1 after), instance
 * norm with biased variance and eps 1e-3 (variable n+1 the shift, n+2 the scale), ReLU, five residual blocks, two
 * stride-2 transposed 3×3 convolutions cropped to 2H×2W, a 9×9 convolution, then {@code tanh(x)·150 + 127.5}
 * clamped to 0..255. The output has sides 4·⌈side/4⌉; {@link #paint} keeps the input's size (its top-left part).
 *
 * <p>Nothing in the folder is trusted: every variable the network needs must be named in the manifest with its
 * exact shape, its file must be a plain name inside the folder and hold exactly that many floats.
 */
public final class EngstromNetwork extends TensorStyleNetwork {

    /** Shapes of Variable, Variable_1, … Variable_47 as the checkpoint stores them ([kh, kw, in, out] kernels). */
    static final List<long[]> SHAPES = shapes();

    private static final float EPS = 1e-3f;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final long MAX_MANIFEST_BYTES = 1 << 20;

    private final NDManager manager;
    private final NDArray[] v;
    /** The phase kernels of the transposed convolutions (variables 39 and 42), see Layers.transposedConvSame. */
    private final NDArray[] up1;
    private final NDArray[] up2;

    private EngstromNetwork(String name, NDManager manager, NDArray[] variables, NDArray[] up1, NDArray[] up2) {
        super(name, manager.getDevice());
        this.manager = manager;
        this.v = variables;
        this.up1 = up1;
        this.up2 = up2;
    }

    /** Reads the checkpoint in {@code folder} onto {@code device}. */
    public static EngstromNetwork load(Path folder, Device device) {
        float[][] values = read(folder);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            NDArray[] variables = new NDArray[SHAPES.size()];
            for (int i = 0; i < variables.length; i++) {
                long[] s = SHAPES.get(i);
                if (i == 39 || i == 42) {
                    continue;
                }
                variables[i] = s.length == 4
                        ? manager.create(torchOrder(values[i], s), new Shape(s[3], s[2], s[0], s[1]))
                        : manager.create(values[i], new Shape(s));
            }
            return new EngstromNetwork(folder.getFileName().toString(), manager, variables,
                    phases(manager, values[39], SHAPES.get(39)), phases(manager, values[42], SHAPES.get(42)));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The variables' values, checked against the architecture and the files. */
    static float[][] read(Path folder) {
        String where = "style network folder '" + folder + "'";
        Path manifestFile = folder.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new WeightsException(where + " has no manifest.json (not a deeplearn.js checkpoint)");
        }
        JsonNode manifest;
        try {
            if (Files.size(manifestFile) > MAX_MANIFEST_BYTES) {
                throw new WeightsException(where + ": manifest.json is larger than any checkpoint's; refused");
            }
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new WeightsException(where + ": manifest.json is not valid JSON ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
        if (manifest == null || !manifest.isObject()) {
            throw new WeightsException(where + ": manifest.json is not a JSON object");
        }
        float[][] out = new float[SHAPES.size()][];
        for (int i = 0; i < out.length; i++) {
            String name = variableName(i);
            JsonNode entry = manifest.get(name);
            if (entry == null || !entry.isObject()) {
                throw new WeightsException(where + ": manifest.json has no " + name
                        + " (not Engstrom's fast-style-transfer network, which has 48 variables)");
            }
            long[] shape = shape(entry.get("shape"), where + ": " + name);
            if (!Arrays.equals(shape, SHAPES.get(i))) {
                throw new WeightsException(where + ": manifest.json gives " + name + " the shape "
                        + Arrays.toString(shape) + ", Engstrom's network needs " + Arrays.toString(SHAPES.get(i)));
            }
            out[i] = floats(folder, entry.get("filename"), name, shape, where);
        }
        return out;
    }

    private static long[] shape(JsonNode node, String what) {
        if (node == null || !node.isArray() || node.size() > 4) {
            throw new WeightsException(what + " has no shape (a list of at most 4 integers) in manifest.json");
        }
        long[] s = new long[node.size()];
        for (int i = 0; i < s.length; i++) {
            if (!node.get(i).isIntegralNumber() || node.get(i).asLong() < 0 || node.get(i).asLong() > 1 << 20) {
                throw new WeightsException(what + " has a shape entry '" + node.get(i) + "' in manifest.json");
            }
            s[i] = node.get(i).asLong();
        }
        return s;
    }

    private static float[] floats(Path folder, JsonNode filenameNode, String name, long[] shape, String where) {
        String filename = filenameNode == null || !filenameNode.isTextual() ? "" : filenameNode.asText();
        if (filename.isEmpty() || filename.contains("/") || filename.contains("\\") || filename.startsWith(".")) {
            throw new WeightsException(where + ": manifest.json gives " + name + " the file name '" + filename
                    + "'; only plain names inside the folder are read");
        }
        Path file = folder.resolve(filename);
        long needed = 4 * Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        try {
            if (!Files.isRegularFile(file)) {
                throw new WeightsException(where + ": the file '" + filename + "' of " + name + " is missing");
            }
            long size = Files.size(file);
            if (size != needed) {
                throw new WeightsException(where + ": the file '" + filename + "' of " + name + " is " + size
                        + " bytes; its shape " + Arrays.toString(shape) + " needs " + needed + " (float32)"
                        + (size < needed ? "; truncated?" : ""));
            }
            float[] values = new float[(int) (needed / 4)];
            ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new WeightsException(where + ": the file '" + filename + "' of " + name + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static NDArray[] phases(NDManager manager, float[] w, long[] s) {
        int out = (int) s[2];
        int in = (int) s[3];
        float[][] k = Layers.phaseKernels(w, out, in);
        NDArray[] arrays = new NDArray[4];
        for (int p = 0; p < 4; p++) {
            arrays[p] = manager.create(k[p], Layers.phaseShape(p, out, in));
        }
        return arrays;
    }

    static String variableName(int i) {
        return i == 0 ? "Variable" : "Variable_" + i;
    }

    /** [kh, kw, a, b] to [b, a, kh, kw]: PyTorch's order for both convolutions and transposed convolutions. */
    private static float[] torchOrder(float[] v, long[] s) {
        int kh = (int) s[0];
        int kw = (int) s[1];
        int a = (int) s[2];
        int b = (int) s[3];
        float[] out = new float[v.length];
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                for (int p = 0; p < a; p++) {
                    for (int q = 0; q < b; q++) {
                        out[((q * a + p) * kh + i) * kw + j] = v[((i * kw + j) * a + p) * b + q];
                    }
                }
            }
        }
        return out;
    }

    @Override
    protected NDArray paintRaw(NDArray x) {
        NDArray y = conv(x, 0, 1, true);
        y = freeing(y, 3, 2, true);
        y = freeing(y, 6, 2, true);
        for (int r = 9; r <= 33; r += 6) {
            try (NDArray h = conv(y, r, 1, true); NDArray h2 = conv(h, r + 3, 1, false)) {
                NDArray sum = h2.add(y);
                y.close();
                y = sum;
            }
        }
        y = up(y, up1, 39);
        y = up(y, up2, 42);
        try (NDArray last = freeing(y, 45, 1, false); NDArray t = last.tanh(); NDArray scaled = t.mul(150f);
             NDArray shifted = scaled.add(127.5f)) {
            return shifted.clip(0, 255);
        }
    }

    private NDArray freeing(NDArray x, int i, int stride, boolean relu) {
        try (x) {
            return conv(x, i, stride, relu);
        }
    }

    /** Convolution with 'SAME' padding, instance norm with variables i+1 (shift) and i+2 (scale), ReLU if asked. */
    private NDArray conv(NDArray x, int i, int stride, boolean relu) {
        NDArray kernel = v[i];
        int k = (int) kernel.getShape().get(2);
        NDArray convolved;
        if (stride == 1) {
            convolved = Layers.convZeroPadded(x, kernel, 1, (k - 1) / 2);
        } else {
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            if (h % 2 == 1 && w % 2 == 1) {
                convolved = Layers.convZeroPadded(x, kernel, stride, 1);
            } else {
                try (NDArray padded = Layers.zeroPad(x, w % 2 == 0 ? 0 : 1, 1, h % 2 == 0 ? 0 : 1, 1)) {
                    convolved = Layers.conv(padded, kernel, null, stride);
                }
            }
        }
        NDArray normed;
        try (convolved) {
            normed = Layers.instanceNorm(convolved, v[i + 2], v[i + 1], EPS);
        }
        return relu ? Layers.reluClosing(normed) : normed;
    }

    private NDArray up(NDArray x, NDArray[] phases, int i) {
        NDArray normed;
        try (x; NDArray t = Layers.transposedConvSame(x, phases)) {
            normed = Layers.instanceNorm(t, v[i + 2], v[i + 1], EPS);
        }
        return Layers.reluClosing(normed);
    }

    @Override
    public void close() {
        manager.close();
    }

    private static List<long[]> shapes() {
        List<long[]> s = new ArrayList<>();
        layer(s, 9, 3, 32, 32);
        layer(s, 3, 32, 64, 64);
        layer(s, 3, 64, 128, 128);
        for (int r = 0; r < 10; r++) {
            layer(s, 3, 128, 128, 128);
        }
        layer(s, 3, 64, 128, 64); // transposed: [kh, kw, out, in]
        layer(s, 3, 32, 64, 32);
        layer(s, 9, 32, 3, 3);
        return List.copyOf(s);
    }

    private static void layer(List<long[]> s, int k, int a, int b, int channels) {
        s.add(new long[] {k, k, a, b});
        s.add(new long[] {channels});
        s.add(new long[] {channels});
    }
}
