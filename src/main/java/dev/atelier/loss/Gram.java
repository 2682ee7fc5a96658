package dev.atelier.loss;

import ai.djl.ndarray.NDArray;

/** The Gram matrix F·Fᵀ of a layer's activations, with F the {@code C × (H·W)} matrix of one image. */
public final class Gram {

    private Gram() {}

    public static NDArray of(NDArray features) {
        long channels = features.getShape().get(1);
        NDArray f = features.reshape(channels, -1);
        return f.matMul(f.transpose());
    }
}
