package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Counts evaluations the way scipy's {@code ScalarFunction} does, which is what {@code fmin_l_bfgs_b} compares with
 * maxfun: a point bitwise equal to the last one evaluated is answered from memory and not counted. (The line search
 * does ask for the same point twice when it falls back to its best step just after taking it.)
 *
 * <p>The remembered point and gradient are copies in a sub-manager of their own.
 */
final class CountingObjective implements AutoCloseable {

    private final Objective objective;
    private final NDManager manager;
    private NDArray lastX;
    private NDArray lastGradient;
    private double lastValue;
    private int evaluations;

    CountingObjective(Objective objective, NDManager parent) {
        this.objective = objective;
        this.manager = parent.newSubManager();
    }

    /** As {@link Objective#evaluate}: the gradient is attached to {@code x.getManager()} and owned by the caller. */
    Objective.Evaluation evaluate(NDArray x) {
        if (lastX != null && x.contentEquals(lastX)) {
            NDArray gradient = lastGradient.duplicate();
            gradient.attach(x.getManager());
            return new Objective.Evaluation(lastValue, gradient);
        }
        Objective.Evaluation evaluation = objective.evaluate(x);
        evaluations++;
        remember(x, evaluation);
        return evaluation;
    }

    int evaluations() {
        return evaluations;
    }

    private void remember(NDArray x, Objective.Evaluation evaluation) {
        if (lastX != null) {
            lastX.close();
            lastGradient.close();
        }
        lastX = x.duplicate();
        lastX.attach(manager);
        lastGradient = evaluation.gradient().duplicate();
        lastGradient.attach(manager);
        lastValue = evaluation.value();
    }

    @Override
    public void close() {
        manager.close();
    }
}
