package dev.atelier.weights;

import java.util.Arrays;

/** A float32 tensor held in Java: its shape and its values in row-major order. */
public record FloatTensor(long[] shape, float[] values) {

    public FloatTensor {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length
                    + " values");
        }
    }
}
