package dev.atelier.weights;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every floating-point tensor of a PyTorch state dict ({@code .pth}, legacy or zip, through the safe
 * unpickler) or a {@code .safetensors} file, by name. Nothing in the file is executed; any structural problem is a
 * one-line {@link WeightsException}.
 */
public final class StateDictFiles {

    /** One tensor: its shape and its values in row-major order. */
    public record Tensor(long[] shape, float[] values) {
        public String shapeText() {
            return Arrays.toString(shape);
        }
    }

    private StateDictFiles() {}

    /** The tensors of {@code file} in the file's order. A Keras HDF5 file is refused (it is not a state dict). */
    public static Map<String, Tensor> read(Path file) {
        String where = "weights file '" + file + "'";
        RegularFile.require(file, where);
        WeightsFormat format = WeightsFormat.detect(file);
        if (format == WeightsFormat.KERAS_HDF5) {
            throw new WeightsException(where + " is a Keras HDF5 file (VGG weights for stylize), not a state dict");
        }
        try (TensorTable table = switch (format) {
            case PYTORCH_LEGACY -> LegacyTorchFile.open(file, where);
            case PYTORCH_ZIP -> ZipTorchFile.open(file, where);
            case SAFETENSORS -> SafetensorsFile.open(file, where);
            case KERAS_HDF5 -> throw new IllegalStateException();
        }) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (String name : table.names()) {
                out.put(name, new Tensor(table.shape(name), table.values(name)));
            }
            return Collections.unmodifiableMap(out);
        } catch (WeightsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WeightsException(where + " is not a readable " + format.label() + " file (truncated or corrupt?): "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        }
    }
}
