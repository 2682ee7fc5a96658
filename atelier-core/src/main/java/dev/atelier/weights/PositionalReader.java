package dev.atelier.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads byte ranges of an open file at absolute positions. */
final class PositionalReader {

    private PositionalReader() {}

    /** Exactly {@code length} bytes from {@code position}; a file that ends sooner is truncated. */
    static byte[] read(FileChannel channel, long position, long length, String where) {
        if (length > StridedTensor.MAX_ELEMENTS) {
            throw new WeightsException(where + ": a tensor of " + length + " bytes is too large to read");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new WeightsException(where + " ends at byte " + (position + buffer.position())
                            + ", in the middle of its data (truncated?)");
                }
            }
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        }
        return buffer.array();
    }
}
