package dev.atelier.weights;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PyTorch's zip serialisation (torch.save since 1.6): {@code NAME/data.pkl} holds the state dict, whose storages
 * are the entries {@code NAME/data/KEY}, raw little-endian. Sizes are checked against what the pickle declares
 * before anything is read, and reads never go past them, so a zip bomb costs nothing.
 */
final class ZipTorchFile {

    /** A VGG state dict's pickle takes a few kilobytes. */
    private static final long MAX_PICKLE_BYTES = 16L << 20;

    private ZipTorchFile() {}

    static TensorTable open(Path file, String where) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new WeightsException(where + " is not a readable zip file (truncated or corrupt?): " + e.getMessage(), e);
        }
        try {
            ZipEntry pickle = dataPickle(zip, where);
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            checkByteOrder(zip, prefix, where);
            if (pickle.getSize() > MAX_PICKLE_BYTES) {
                throw new WeightsException(where + ": entry " + pickle.getName() + " declares " + pickle.getSize()
                        + " bytes, far more than a state dict needs; refused");
            }
            TorchPickleVocabulary vocabulary = new TorchPickleVocabulary(where);
            Object root;
            try (InputStream in = new BufferedInputStream(zip.getInputStream(pickle))) {
                root = Unpickler.load(in, vocabulary, where + " (" + pickle.getName() + ")", MAX_PICKLE_BYTES);
            }
            return TorchStateDict.of(root, where, new Storages(zip, prefix, where));
        } catch (IOException e) {
            closeQuietly(zip);
            throw new WeightsException(where + " cannot be read (truncated or corrupt?): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static ZipEntry dataPickle(ZipFile zip, String where) {
        List<ZipEntry> found = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().matches("[^/]+/data\\.pkl")) {
                found.add(entry);
            }
        }
        if (found.size() != 1) {
            throw new WeightsException(where + " is a zip file but not a PyTorch one: it has " + found.size()
                    + " NAME/data.pkl entries, expected one");
        }
        return found.get(0);
    }

    private static void checkByteOrder(ZipFile zip, String prefix, String where) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return; // written before PyTorch recorded it: little-endian
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String order = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
            if (!order.equals("little")) {
                throw new WeightsException(where + " stores its data " + order + "-endian; only little-endian is supported");
            }
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing was lost
        }
    }

    private record Storages(ZipFile zip, String prefix, String where) implements TorchStorageReader {
        @Override
        public byte[] read(TorchStorage storage, long first, int count) {
            String name = prefix + "data/" + storage.key();
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new WeightsException(where + " has no entry " + name + " for storage '" + storage.key()
                        + "' (truncated?)");
            }
            long expected = storage.elements() * storage.type().bytes();
            if (entry.getSize() != expected) {
                throw new WeightsException(where + ": entry " + name + " declares " + entry.getSize()
                        + " bytes, but its storage holds " + expected + "; refused");
            }
            int bytes = storage.type().bytes();
            try (InputStream in = zip.getInputStream(entry)) {
                in.skipNBytes(first * bytes);
                byte[] data = in.readNBytes(count * bytes);
                if (data.length < count * bytes) {
                    throw new WeightsException(where + ": entry " + name + " ends early (truncated?)");
                }
                return data;
            } catch (IOException e) {
                throw new WeightsException(where + ": entry " + name + " cannot be read (truncated or corrupt?): "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(zip);
        }
    }
}
