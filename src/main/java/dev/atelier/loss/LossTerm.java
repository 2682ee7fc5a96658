package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Set;

/** One weighted term of the style transfer objective. */
public interface LossTerm {

    /** Short name used in reports: {@code content}, {@code style}, {@code tv}. */
    String name();

    /** The network layers whose activations this term reads (may be empty). */
    Set<String> layers();

    /**
     * The term's weighted value as a scalar NDArray, differentiable with respect to {@code image}.
     *
     * @param image    the generated image, {@code 1×3×H×W}, preprocessed
     * @param features activations of at least {@link #layers()} for {@code image}
     */
    NDArray compute(NDArray image, Map<String, NDArray> features);
}
