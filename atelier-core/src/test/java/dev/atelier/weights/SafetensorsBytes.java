package dev.atelier.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes safetensors files from float tensors, with hooks to corrupt them. */
final class SafetensorsBytes {

    record Tensor(long[] shape, float[] values) {}

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    /** Every convolution of {@code weights} under torchvision's names. */
    static SafetensorsBytes torchvision(VggWeights weights) {
        SafetensorsBytes s = new SafetensorsBytes();
        VggStateDict.torchvisionIndices(weights.architecture()).forEach((index, name) -> {
            ConvWeights c = weights.layer(name);
            s.put("features." + index + ".weight",
                    new long[] {c.outChannels(), c.inChannels(), c.kernelHeight(), c.kernelWidth()}, c.kernel());
            s.put("features." + index + ".bias", new long[] {c.outChannels()}, c.bias());
        });
        return s;
    }

    SafetensorsBytes put(String name, long[] shape, float[] values) {
        tensors.put(name, new Tensor(shape, values));
        return this;
    }

    Map<String, Tensor> tensors() {
        return tensors;
    }

    ObjectNode header() {
        ObjectNode header = new ObjectMapper().createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long end = offset + 4L * e.getValue().values().length;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        return header;
    }

    byte[] bytes() {
        return bytes(header());
    }

    /** The file with {@code header} in place of the true one (the data stays as laid out by the true one). */
    byte[] bytes(ObjectNode header) {
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        out.writeBytes(json);
        for (Tensor t : tensors.values()) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t.values());
            out.writeBytes(b.array());
        }
        return out.toByteArray();
    }
}
