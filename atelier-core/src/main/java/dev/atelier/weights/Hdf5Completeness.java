package dev.atelier.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an HDF5 file is as long as its superblock says, as libhdf5 does ("truncated file"): a reader that only
 * follows the objects it needs would not notice that the end of a cut file is missing.
 */
final class Hdf5Completeness {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int[] OFFSETS = {0, 512, 1024, 2048};

    private Hdf5Completeness() {}

    static void check(Path file, String where) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OFFSETS[OFFSETS.length - 1] + 128);
            size = Files.size(file);
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        }
        for (int base : OFFSETS) {
            if (head.length >= base + SIGNATURE.length && java.util.Arrays.equals(head, base, base + 8, SIGNATURE, 0, 8)) {
                long end = endOfFile(head, base);
                if (end > size - base && end >= 0) {
                    throw new WeightsException(where + " is truncated: it has " + size + " bytes but its HDF5 "
                            + "superblock says " + (end + base));
                }
                return;
            }
        }
    }

    /** The superblock's end-of-file address (relative to its base), or -1 if it cannot be found. */
    private static long endOfFile(byte[] head, int base) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < base + 24) {
            return -1;
        }
        int version = head[base + 8];
        int at;
        int offsetSize;
        if (version == 0 || version == 1) {
            offsetSize = head[base + 13];
            at = base + 24 + (version == 1 ? 4 : 0) + 2 * offsetSize; // after base and free-space addresses
        } else if (version == 2 || version == 3) {
            offsetSize = head[base + 9];
            at = base + 12 + 2 * offsetSize; // after base and superblock-extension addresses
        } else {
            return -1;
        }
        if ((offsetSize != 4 && offsetSize != 8) || head.length < at + offsetSize) {
            return -1;
        }
        return offsetSize == 8 ? b.getLong(at) : b.getInt(at) & 0xFFFFFFFFL;
    }
}
