package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.nio.file.Path;

/**
 * Reads VGG weights from a file in any format they are published in (Keras HDF5, PyTorch .pth legacy or zip,
 * safetensors), recognised by content. Reading never executes anything the file contains.
 */
public final class WeightsFiles {

    private WeightsFiles() {}

    public static VggWeights read(Path file) {
        String where = "weights file '" + file + "'";
        RegularFile.require(file, where);
        WeightsFormat format = WeightsFormat.detect(file);
        if (format == WeightsFormat.KERAS_HDF5) {
            return KerasH5Reader.read(file);
        }
        try (TensorTable table = open(format, file, where)) {
            return VggStateDict.read(table, file.toString());
        } catch (WeightsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WeightsException(where + " is not a readable " + format.label() + " file (truncated or corrupt?): "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        }
    }

    /** As {@link #read(Path)}, and the file must hold {@code expected}. */
    public static VggWeights read(Path file, VggArchitecture expected) {
        VggWeights weights = read(file);
        if (weights.architecture() != expected) {
            throw new WeightsException("weights file '" + file + "' holds " + weights.architecture() + ", but "
                    + expected + " was asked for");
        }
        return weights;
    }

    private static TensorTable open(WeightsFormat format, Path file, String where) {
        return switch (format) {
            case PYTORCH_LEGACY -> LegacyTorchFile.open(file, where);
            case PYTORCH_ZIP -> ZipTorchFile.open(file, where);
            case SAFETENSORS -> SafetensorsFile.open(file, where);
            case KERAS_HDF5 -> throw new IllegalStateException("read by KerasH5Reader");
        };
    }
}
