package dev.atelier.weights;

import java.util.Map;
import java.util.Set;

/** The named tensors of a weights file, as a reader found them; values are read only when asked for. */
interface TensorTable extends AutoCloseable {

    /** "weights file '…'", for messages. */
    String where();

    Set<String> names();

    long[] shape(String name);

    /** The tensor's values in row-major order, as float. */
    float[] values(String name);

    /** Free-form string metadata the file carries (safetensors' {@code __metadata__}); empty for most formats. */
    default Map<String, String> metadata() {
        return Map.of();
    }

    @Override
    void close();
}
