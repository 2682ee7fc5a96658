package dev.atelier.loss;

import ai.djl.ndarray.NDArray;

/**
 * The Gram matrix F·Fᵀ of a layer's activations, with F the {@code C × (H·W)} matrix of one image. It is computed
 * as MᵀM with M = F's {@code (H·W) × C} view, which costs no copy for the network's channels-last activations.
 */
public final class Gram {

    private Gram() {}

    public static NDArray of(NDArray features) {
        NDArray m = pixelsByChannels(features);
        return m.transpose().matMul(m);
    }

    /** The {@code (H·W) × C} matrix of a {@code 1×C×H×W} activation: a view when it is stored channels-last. */
    static NDArray pixelsByChannels(NDArray features) {
        long channels = features.getShape().get(1);
        return features.transpose(0, 2, 3, 1).reshape(-1, channels);
    }
}
