package dev.atelier.weights;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header giving each tensor's dtype, shape
 * and byte range in the data that follows, then the data. Every range is checked against the file and against
 * the others before anything is read.
 */
final class SafetensorsFile implements TensorTable {

    private static final long MAX_HEADER_BYTES = 100L << 20;
    /** Element sizes of every dtype the format defines; only the floating-point ones can be decoded. */
    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E4M3", 1),
            Map.entry("F8_E5M2", 1), Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2),
            Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
            Map.entry("I64", 8), Map.entry("U64", 8), Map.entry("F64", 8));
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private record Entry(String name, String dtype, long[] shape, long begin, long end) {}

    private final String where;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(String where, FileChannel channel, long dataStart, Map<String, Entry> entries,
                            Map<String, String> metadata) {
        this.where = where;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    static SafetensorsFile open(Path file, String where) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            long size = channel.size();
            if (size < 8) {
                throw new WeightsException(where + " is " + size + " bytes long, too short for a safetensors header");
            }
            long headerLength = ByteBuffer.wrap(PositionalReader.read(channel, 0, 8, where))
                    .order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > size - 8) {
                throw new WeightsException(where + ": safetensors header length " + Long.toUnsignedString(headerLength)
                        + " does not fit in the file (" + size + " bytes; truncated or corrupt?)");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw new WeightsException(where + ": safetensors header of " + headerLength
                        + " bytes is larger than any weights file needs; refused");
            }
            JsonNode header = parse(PositionalReader.read(channel, 8, headerLength, where), where);
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Entry> entries = entries(header, size - dataStart, metadata, where);
            return new SafetensorsFile(where, channel, dataStart, entries, Collections.unmodifiableMap(metadata));
        } catch (IOException e) {
            close(channel);
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private static JsonNode parse(byte[] header, String where) {
        try {
            JsonNode node = JSON.readTree(header);
            if (node == null || !node.isObject()) {
                throw new WeightsException(where + ": safetensors header is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new WeightsException(where + ": safetensors header is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static Map<String, Entry> entries(JsonNode header, long dataSize, Map<String, String> metadata,
                                              String where) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (field.getKey().equals("__metadata__")) {
                field.getValue().properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            entries.put(field.getKey(), entry(field.getKey(), field.getValue(), dataSize, where));
        }
        List<Entry> byOffset = new ArrayList<>(entries.values());
        byOffset.removeIf(e -> e.begin() == e.end());
        byOffset.sort(Comparator.comparingLong(Entry::begin));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry a = byOffset.get(i - 1);
            Entry b = byOffset.get(i);
            if (a.end() > b.begin()) {
                throw new WeightsException(where + ": tensors '" + a.name() + "' (bytes " + a.begin() + "-" + a.end()
                        + ") and '" + b.name() + "' (bytes " + b.begin() + "-" + b.end() + ") overlap; refused");
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private static Entry entry(String name, JsonNode node, long dataSize, String where) {
        String what = where + ": tensor '" + name + "'";
        Integer elementBytes = DTYPE_BYTES.get(node.path("dtype").asText());
        if (elementBytes == null) {
            throw new WeightsException(what + " has unknown dtype '" + node.path("dtype").asText() + "'");
        }
        long[] shape = integers(node.path("shape"), -1, what + " has a shape");
        long[] offsets = integers(node.path("data_offsets"), 2, what + " has data_offsets");
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end || end > dataSize) {
            throw new WeightsException(what + " has data_offsets [" + begin + ", " + end + "] outside the "
                    + dataSize + " data bytes of the file; refused");
        }
        long elements = 1;
        try {
            for (long s : shape) {
                elements = Math.multiplyExact(elements, s);
            }
            if (Math.multiplyExact(elements, (long) elementBytes) != end - begin) {
                throw new ArithmeticException();
            }
        } catch (ArithmeticException e) {
            throw new WeightsException(what + " has shape " + java.util.Arrays.toString(shape) + " of "
                    + node.path("dtype").asText() + ", which does not take the " + (end - begin)
                    + " bytes its data_offsets give");
        }
        return new Entry(name, node.path("dtype").asText(), shape, begin, end);
    }

    private static long[] integers(JsonNode array, int length, String what) {
        if (!array.isArray() || (length >= 0 && array.size() != length)) {
            throw new WeightsException(what + " that is not " + (length >= 0 ? length + " integers" : "a list of integers"));
        }
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = array.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
                throw new WeightsException(what + " with '" + n + "', not a non-negative integer");
            }
            out[i] = n.asLong();
        }
        return out;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public Set<String> names() {
        return entries.keySet();
    }

    @Override
    public long[] shape(String name) {
        return entry(name).shape().clone();
    }

    @Override
    public float[] values(String name) {
        Entry e = entry(name);
        ScalarType type;
        try {
            type = ScalarType.valueOf(e.dtype());
        } catch (IllegalArgumentException notFloat) {
            throw new WeightsException(where + ": tensor '" + name + "' holds " + e.dtype()
                    + " values; weights must be floating point");
        }
        long bytes = e.end() - e.begin();
        return type.decode(PositionalReader.read(channel, dataStart + e.begin(), bytes, where),
                (int) (bytes / type.bytes()));
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no tensor " + name + " in " + where);
        }
        return e;
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing was lost
        }
    }
}
