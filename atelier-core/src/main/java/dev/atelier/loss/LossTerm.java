package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Set;

/**
 * One weighted term of the style transfer objective, as a sum of parts: one per layer it reads, plus one that
 * reads the image alone. The objective takes each layer's part as soon as the forward pass reaches that layer, so
 * that in the backward pass its gradient is made only when the backward pass gets there, not at the start.
 */
public interface LossTerm {

    /** Short name used in reports: {@code content}, {@code style}, {@code tv}. */
    String name();

    /** The network layers whose activations this term reads (may be empty). */
    Set<String> layers();

    /**
     * This term's weighted part at one of its {@link #layers()}, a scalar differentiable with respect to the image.
     *
     * @param activation the layer's activation for the image, {@code 1×C×h×w}
     * @param imageShape the image's shape, {@code 1×3×H×W}
     */
    default NDArray layerPart(String layer, NDArray activation, Shape imageShape) {
        throw new IllegalArgumentException(name() + " loss reads no layer " + layer);
    }

    /** This term's weighted part that reads the image alone ({@code 1×3×H×W}, preprocessed), or null. */
    default NDArray imagePart(NDArray image) {
        return null;
    }
}
