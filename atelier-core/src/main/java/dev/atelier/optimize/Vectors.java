package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The scalar reductions the optimiser brings to Java; each closes the arrays it makes. A float32 operand (a gradient
 * in the objective's own precision) is widened first, which is exact, so the result is what it would be had the
 * objective returned float64.
 */
final class Vectors {
    private Vectors() {}

    static double dot(NDArray a, NDArray b) {
        if (isFloat64(a) && isFloat64(b)) {
            try (NDArray product = a.dot(b)) {
                return product.getDouble();
            }
        }
        NDArray wideA = isFloat64(a) ? a : widened(a);
        NDArray wideB = isFloat64(b) ? b : widened(b);
        try (NDArray product = wideA.dot(wideB)) {
            return product.getDouble();
        } finally {
            if (wideA != a) {
                wideA.close();
            }
            if (wideB != b) {
                wideB.close();
            }
        }
    }

    /** The infinity norm, L-BFGS-B's {@code projgr} for unbounded variables. */
    static double maxAbs(NDArray a) {
        try (NDArray abs = a.abs(); NDArray max = abs.max()) {
            return scalar(max);
        }
    }

    /** A float64 copy of {@code a}, in {@code a}'s manager. */
    static NDArray widened(NDArray a) {
        // toType(FLOAT64, true) would not copy a float64 array: PyTorch's to() returns the same tensor.
        return isFloat64(a) ? a.duplicate() : a.toType(DataType.FLOAT64, false);
    }

    /** {@code newer - older} in float64, a new array in {@code newer}'s manager: y from two gradients. */
    static NDArray difference(NDArray newer, NDArray older) {
        return widened(newer).subi(older);
    }

    private static boolean isFloat64(NDArray a) {
        return a.getDataType() == DataType.FLOAT64;
    }

    private static double scalar(NDArray a) {
        return isFloat64(a) ? a.getDouble() : a.getFloat();
    }

    static void requireFlatFloat64(NDArray x, String name) {
        if (x.getDataType() != DataType.FLOAT64 || x.getShape().dimension() != 1) {
            throw new IllegalArgumentException(
                    name + " must be a flat float64 array, got " + x.getDataType() + " " + x.getShape());
        }
    }
}
