package dev.atelier.weights;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's legacy serialisation, which torchvision's VGG files use: a sequence of pickles (magic number, protocol
 * version, system info, the state dict whose tensors name their storages by persistent id, the list of storage
 * keys), then for each key an int64 little-endian element count followed by the raw little-endian data.
 */
final class LegacyTorchFile {

    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL_VERSION = 1001;
    /** All the pickles of a VGG state dict take a few kilobytes. */
    private static final long MAX_PICKLE_BYTES = 16L << 20;

    private LegacyTorchFile() {}

    static TensorTable open(Path file, String where) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            return read(channel, where);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static TensorTable read(FileChannel channel, String where) {
        Counting in = new Counting(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        TorchPickleVocabulary vocabulary = new TorchPickleVocabulary(where);
        Unpickler.Vocabulary plain = new PlainValues(where);
        if (!MAGIC.equals(toBig(Unpickler.load(in, plain, where, MAX_PICKLE_BYTES)))) {
            throw new WeightsException(where + " starts with a pickle but is not a PyTorch file (wrong magic number)");
        }
        Object protocol = Unpickler.load(in, plain, where, MAX_PICKLE_BYTES);
        if (!Long.valueOf(PROTOCOL_VERSION).equals(protocol)) {
            throw new WeightsException(where + " is a PyTorch file of protocol " + protocol + ", expected "
                    + PROTOCOL_VERSION);
        }
        Object systemInfo = Unpickler.load(in, plain, where, MAX_PICKLE_BYTES);
        if (!(systemInfo instanceof Map<?, ?> info) || !Boolean.TRUE.equals(info.get("little_endian"))) {
            throw new WeightsException(where + " was written on a big-endian machine, which is not supported");
        }
        Object root = Unpickler.load(in, vocabulary, where, MAX_PICKLE_BYTES);
        Object keys = Unpickler.load(in, plain, where, MAX_PICKLE_BYTES);
        if (!(keys instanceof List<?> keyList)) {
            throw new WeightsException(where + " has no list of storage keys after its state dict (corrupt)");
        }
        Storages storages = new Storages(channel, where, index(channel, in.count, keyList, vocabulary, where));
        return TorchStateDict.of(root, where, storages);
    }

    /** Where each storage's data starts: they follow the pickles in the order of the key list. */
    private static Map<String, Long> index(FileChannel channel, long position, List<?> keys,
                                           TorchPickleVocabulary vocabulary, String where) {
        Map<String, Long> starts = new HashMap<>();
        long size = size(channel, where);
        for (Object key : keys) {
            TorchStorage storage = vocabulary.storages().get(String.valueOf(key));
            if (storage == null) {
                throw new WeightsException(where + " lists storage '" + key + "', which no tensor uses (corrupt)");
            }
            if (position + 8 > size) {
                throw new WeightsException(where + " ends before the data of storage '" + key + "' (truncated?)");
            }
            long elements = ByteBuffer.wrap(PositionalReader.read(channel, position, 8, where))
                    .order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (elements != storage.elements()) {
                throw new WeightsException(where + ": storage '" + key + "' holds " + elements
                        + " elements but its tensors say " + storage.elements() + " (corrupt)");
            }
            long start = position + 8;
            position = elements > (size - start) / storage.type().bytes() ? Long.MAX_VALUE
                    : start + elements * storage.type().bytes();
            if (position > size) {
                throw new WeightsException(where + " ends at byte " + size + ", inside the data of storage '" + key
                        + "' (truncated?)");
            }
            starts.put(storage.key(), start);
        }
        for (String key : vocabulary.storages().keySet()) {
            if (!starts.containsKey(key)) {
                throw new WeightsException(where + " has no data for storage '" + key + "' (corrupt)");
            }
        }
        return starts;
    }

    private static long size(FileChannel channel, String where) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static BigInteger toBig(Object value) {
        if (value instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        return value instanceof BigInteger b ? b : null;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a read-only file: nothing was lost
        }
    }

    private record Storages(FileChannel channel, String where, Map<String, Long> starts) implements TorchStorageReader {
        @Override
        public byte[] read(TorchStorage storage, long first, int count) {
            int bytes = storage.type().bytes();
            return PositionalReader.read(channel, starts.get(storage.key()) + first * bytes, (long) count * bytes, where);
        }

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }

    /** The header pickles hold only plain values. */
    private record PlainValues(String where) implements Unpickler.Vocabulary {
        @Override
        public Object global(String module, String name) {
            throw new WeightsException(where + " names the Python global '" + module + "." + name
                    + "' in its header; refused (nothing was executed)");
        }

        @Override
        public Object call(Object callable, List<Object> args) {
            throw new IllegalStateException("unreachable: no global can be named");
        }

        @Override
        public Object persistent(Object id) {
            throw new WeightsException(where + " refers to a storage in its header (corrupt)");
        }

        @Override
        public void build(Object target, Object state) {
            throw new WeightsException(where + " sets an object's state in its header; refused");
        }
    }

    /** Counts the bytes the pickles consumed: where the storages begin. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
