package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The scalar reductions the optimiser brings to Java; each closes the scalar array it makes. */
final class Vectors {
    private Vectors() {}

    static double dot(NDArray a, NDArray b) {
        try (NDArray product = a.dot(b)) {
            return product.getDouble();
        }
    }

    /** The infinity norm, L-BFGS-B's {@code projgr} for unbounded variables. */
    static double maxAbs(NDArray a) {
        try (NDArray abs = a.abs(); NDArray max = abs.max()) {
            return max.getDouble();
        }
    }

    static void requireFlatFloat64(NDArray x, String name) {
        if (x.getDataType() != DataType.FLOAT64 || x.getShape().dimension() != 1) {
            throw new IllegalArgumentException(
                    name + " must be a flat float64 array, got " + x.getDataType() + " " + x.getShape());
        }
    }
}
