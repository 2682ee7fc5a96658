package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.atelier.loss.Scalars;

/**
 * pytorch/examples' Gram matrices of a batch: {@code F Fᵀ / (C·H·W)} per image, {@code B×C×C}, with F the
 * {@code C × (H·W)} matrix of one image's activation.
 */
public final class BatchGram {

    private BatchGram() {}

    public static NDArray of(NDArray features) {
        Shape s = features.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long hw = s.get(2) * s.get(3);
        // (H·W) × C per image: a view of the loss network's channels-last activations, no copy.
        NDArray m = features.transpose(0, 2, 3, 1).reshape(b, hw, c);
        return Scalars.times(m.transpose(0, 2, 1).batchMatMul(m), 1.0 / (c * hw));
    }
}
