package dev.atelier.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/** The file formats VGG weights are published in, told apart by their content, never by their name. */
public enum WeightsFormat {
    KERAS_HDF5("Keras HDF5"),
    PYTORCH_LEGACY("PyTorch .pth (legacy)"),
    PYTORCH_ZIP("PyTorch .pth (zip)"),
    SAFETENSORS("safetensors");

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    /** HDF5 allows a user block before its superblock, which then starts at one of these offsets. */
    private static final int[] HDF5_OFFSETS = {0, 512, 1024, 2048};

    private final String label;

    WeightsFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The format of {@code file}, from its first bytes; throws a one-line WeightsException if it is none of them. */
    public static WeightsFormat detect(Path file) {
        String where = "weights file '" + file + "'";
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HDF5_OFFSETS[HDF5_OFFSETS.length - 1] + HDF5.length);
        } catch (IOException e) {
            throw new WeightsException(where + " cannot be read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new WeightsException(where + " is empty");
        }
        for (int offset : HDF5_OFFSETS) {
            if (startsWith(head, offset, HDF5)) {
                return KERAS_HDF5;
            }
        }
        if (startsWith(head, 0, ZIP) || startsWith(head, 0, EMPTY_ZIP)) {
            return PYTORCH_ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return PYTORCH_LEGACY;
        }
        if (head.length > 8 && head[8] == '{') {
            return SAFETENSORS;
        }
        throw new WeightsException(where + " is in no format Atelier reads (Keras HDF5, PyTorch .pth, safetensors); "
                + "it starts with " + HexFormat.ofDelimiter(" ").formatHex(Arrays.copyOf(head, Math.min(8, head.length))));
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
