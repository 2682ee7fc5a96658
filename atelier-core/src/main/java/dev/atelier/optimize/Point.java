package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A point the optimiser has evaluated: x, f(x) and the gradient. The point owns x and holds the gradient, which
 * the L-BFGS memory may hold too.
 */
record Point(NDArray x, double value, SharedGradient shared) implements AutoCloseable {

    /** Evaluates {@code function} at {@code x}; the point takes ownership of {@code x}. */
    static Point at(CountingObjective function, NDArray x) {
        Objective.Evaluation evaluation = function.evaluate(x);
        return new Point(x, evaluation.value(), new SharedGradient(evaluation.gradient()));
    }

    /** The gradient in the objective's own precision (see {@link Objective#evaluate}). */
    NDArray gradient() {
        return shared.array();
    }

    void attach(NDManager manager) {
        x.attach(manager);
        shared.array().attach(manager);
    }

    @Override
    public void close() {
        x.close();
        shared.release();
    }
}
