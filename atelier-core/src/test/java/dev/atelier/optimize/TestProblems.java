package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;

/**
 * The test functions of make_scipy_fixtures.py as Objectives on float64 NDArrays, written operation for operation
 * like the numpy originals so that both compute the same values (up to summation order).
 */
final class TestProblems {
    private TestProblems() {}

    /** scipy's rosen / rosen_der. */
    static Objective rosenbrock() {
        return scoped((x, tmp) -> {
            NDArray head = x.get(":-1");
            NDArray inner = x.get("1:").sub(head.mul(head));
            NDArray oneMinus = head.neg().add(1.0);
            double value = inner.mul(inner).mul(100.0).add(oneMinus.mul(oneMinus)).sum().getDouble();
            NDArray headGradient = head.mul(-400.0).mul(inner).sub(oneMinus.mul(2.0));
            NDArray tailGradient = inner.mul(200.0);
            NDArray zero = tmp.zeros(new Shape(1), DataType.FLOAT64);
            NDArray gradient = NDArrays.concat(new NDList(headGradient, zero))
                    .add(NDArrays.concat(new NDList(zero, tailGradient)));
            return new Objective.Evaluation(value, gradient);
        });
    }

    /** 0.5 * sum(c * (x - 1)^2). */
    static Objective quadratic(double[] curvatures) {
        return scoped((x, tmp) -> {
            NDArray c = tmp.create(curvatures);
            NDArray offset = x.sub(1.0);
            double value = c.mul(offset.mul(offset)).sum().getDouble() * 0.5;
            return new Objective.Evaluation(value, c.mul(offset));
        });
    }

    /** Rosenbrock plus amplitude * sum(frac(frequency * x)), with the gradient of Rosenbrock alone. */
    static Objective sawtoothRosenbrock(double amplitude, double frequency) {
        Objective rosenbrock = rosenbrock();
        return x -> {
            Objective.Evaluation smooth = rosenbrock.evaluate(x);
            double sawtooth;
            try (NDArray scaled = x.mul(frequency);
                    NDArray floor = scaled.floor();
                    NDArray fraction = scaled.sub(floor);
                    NDArray sum = fraction.sum()) {
                sawtooth = sum.getDouble();
            }
            return new Objective.Evaluation(smooth.value() + amplitude * sawtooth, smooth.gradient());
        };
    }

    /**
     * Runs {@code body} on a copy of x in a sub-manager, so every temporary closes with it, and hands the gradient
     * back attached to x's manager as the Objective contract asks.
     */
    private static Objective scoped(BiFunction<NDArray, NDManager, Objective.Evaluation> body) {
        return x -> {
            try (NDManager tmp = x.getManager().newSubManager()) {
                NDArray local = x.duplicate();
                local.attach(tmp);
                Objective.Evaluation evaluation = body.apply(local, tmp);
                evaluation.gradient().attach(x.getManager());
                return evaluation;
            }
        };
    }
}
