package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Moves images between the codec's H×W×3 arrays and the network's 1×3×H×W tensors. */
final class Tensors {

    private Tensors() {}

    /** A new {@code 1×3×H×W} float32 tensor in {@code manager}. */
    static NDArray fromHwc(NDManager manager, float[] hwc, int height, int width) {
        try (NDManager scratch = manager.newSubManager()) {
            return toNchw(scratch.create(hwc, new Shape(height, width, 3)), manager);
        }
    }

    /** A new {@code 1×3×H×W} float64 tensor in {@code manager}. */
    static NDArray fromHwc(NDManager manager, double[] hwc, int height, int width) {
        try (NDManager scratch = manager.newSubManager()) {
            return toNchw(scratch.create(hwc, new Shape(height, width, 3)), manager);
        }
    }

    private static NDArray toNchw(NDArray hwc, NDManager manager) {
        NDArray nchw = hwc.transpose(2, 0, 1).expandDims(0).duplicate();
        nchw.attach(manager);
        return nchw;
    }

    /** The H×W×3 float values of a {@code 1×3×H×W} (or flat) tensor of any float type. */
    static float[] toHwc(NDArray image, int height, int width) {
        try (NDManager scratch = image.getManager().newSubManager()) {
            image.tempAttach(scratch);
            return image.reshape(3, height, width).transpose(1, 2, 0).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }
}
