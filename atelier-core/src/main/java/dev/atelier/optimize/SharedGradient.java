package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;

/**
 * A gradient held by a point and by the correction pairs that difference it, closed when the last holder lets go.
 * Sharing it is what lets the memory keep gradients instead of their float64 differences.
 */
final class SharedGradient {

    private final NDArray array;
    private int holders = 1;

    SharedGradient(NDArray array) {
        this.array = array;
    }

    NDArray array() {
        return array;
    }

    SharedGradient retain() {
        if (holders == 0) {
            throw new IllegalStateException("gradient already closed");
        }
        holders++;
        return this;
    }

    void release() {
        if (--holders == 0) {
            array.close();
        }
    }
}
