package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constants for arithmetic inside the autograd graph. DJL's {@code mul(Number)} and {@code pow(Number)} wrap the
 * number in a tensor over a Java buffer and close it straight after the operation; the graph keeps that tensor for
 * the backward pass, and once the collector has taken the buffer the gradient is computed from whatever memory is
 * there (measured: losses of the same run differing by up to 3× when garbage collections fell between the forward
 * and the backward pass). A tensor made by the engine owns its memory, which the graph keeps alive.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code value} as a 0-dimensional float32 tensor in {@code like}'s manager, in memory the engine owns. */
    private static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, DataType.FLOAT32);
    }

    /** {@code array × value}, safe to differentiate. */
    public static NDArray times(NDArray array, double value) {
        try (NDArray factor = of(array, value)) {
            return array.mul(factor);
        }
    }

    /** {@code array ^ value}, safe to differentiate. */
    static NDArray power(NDArray array, double value) {
        try (NDArray exponent = of(array, value)) {
            return array.pow(exponent);
        }
    }
}
