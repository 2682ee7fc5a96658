package dev.atelier.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whole safetensors files of float32 tensors, read and written: the layout the reference writes (tensors in name
 * order, header padded with spaces to a multiple of 8 bytes), plus string metadata under {@code __metadata__}.
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file's tensors by name and its metadata. */
    public record Contents(Map<String, FloatTensor> tensors, Map<String, String> metadata) {}

    private Safetensors() {}

    /** Writes {@code tensors} and {@code metadata} to {@code file} atomically (all or nothing). */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata)
            throws IOException {
        Map<String, FloatTensor> sorted = new TreeMap<>(tensors);
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            new TreeMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : sorted.entrySet()) {
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", "F32");
            ArrayNode shape = entry.putArray("shape");
            for (long s : e.getValue().shape()) {
                shape.add(s);
            }
            long bytes = 4L * e.getValue().values().length;
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        AtomicFile.write(file, out -> {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            out.write(head.array());
            for (FloatTensor t : sorted.values()) {
                ByteBuffer data = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                data.asFloatBuffer().put(t.values());
                out.write(data.array());
            }
        });
    }

    /** Every tensor of a safetensors file (checked as {@link WeightsFiles} checks any weights file) and its metadata. */
    public static Contents read(Path file) {
        String where = "file '" + file + "'";
        RegularFile.require(file, where);
        if (WeightsFormat.detect(file) != WeightsFormat.SAFETENSORS) {
            throw new WeightsException(where + " is not a safetensors file");
        }
        try (SafetensorsFile table = SafetensorsFile.open(file, where)) {
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            for (String name : table.names()) {
                tensors.put(name, new FloatTensor(table.shape(name), table.values(name)));
            }
            return new Contents(tensors, table.metadata());
        } catch (UncheckedIOException e) {
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        }
    }
}
