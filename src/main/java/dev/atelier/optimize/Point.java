package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A point the optimiser has evaluated: x, f(x) and the gradient, both arrays owned together. */
record Point(NDArray x, double value, NDArray gradient) implements AutoCloseable {

    /** Evaluates {@code function} at {@code x}; the point takes ownership of {@code x}. */
    static Point at(CountingObjective function, NDArray x) {
        Objective.Evaluation evaluation = function.evaluate(x);
        return new Point(x, evaluation.value(), evaluation.gradient());
    }

    void attach(NDManager manager) {
        x.attach(manager);
        gradient.attach(manager);
    }

    @Override
    public void close() {
        x.close();
        gradient.close();
    }
}
