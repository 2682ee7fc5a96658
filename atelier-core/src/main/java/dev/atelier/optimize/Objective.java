package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;

/** A differentiable scalar function of a flat vector, as the optimisers see it. */
public interface Objective {

    /**
     * Evaluates the function and its gradient at {@code x}.
     *
     * <p>{@code x} is a flat float64 array. The returned gradient has the same shape and is attached to
     * {@code x.getManager()}: the caller owns it and closes it when done. Its data type is float64, or float32 for a
     * function computed in float32 (widening such a gradient is exact; the optimisers compute with it in float64,
     * but hold it in half the memory). Temporaries made during the evaluation must not outlive the call.
     */
    Evaluation evaluate(NDArray x);

    /** The value and gradient at one point. */
    record Evaluation(double value, NDArray gradient) {}
}
