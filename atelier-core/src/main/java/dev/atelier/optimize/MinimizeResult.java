package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;

/**
 * The outcome of {@link Lbfgs#minimize}.
 *
 * @param x           the final point, a new array attached to the manager of the starting point: the caller owns it
 * @param value       the function value at {@code x}
 * @param evaluations function evaluations made, counted as scipy does (the value at the start is the first)
 * @param iterations  accepted steps
 * @param stopReason  why the run ended
 */
public record MinimizeResult(NDArray x, double value, int evaluations, int iterations, StopReason stopReason) {}
