package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;

/**
 * One accepted step of an optimiser.
 *
 * @param iteration   1-based count of accepted steps within this minimisation
 * @param evaluations function evaluations made so far within this minimisation
 * @param value       the function value at {@code x}
 * @param x           the current point; owned by the optimiser, valid only during the callback (copy it to keep it)
 */
public record Iterate(int iteration, int evaluations, double value, NDArray x) {}
