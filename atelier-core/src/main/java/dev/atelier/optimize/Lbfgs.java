package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Optional;

/**
 * L-BFGS that takes the same steps as scipy's {@code fmin_l_bfgs_b} without bounds: L-BFGS-B 3.0's {@code mainlb}
 * (scipy 1.10's lbfgsb.f) with scipy's {@code _minimize_lbfgsb} driver around it.
 *
 * <p>Vectors stay NDArrays on the starting point's device; only dot products, norms and step lengths come to Java.
 * Each iteration works in a sub-manager that is closed at its end, so only the current point and the m correction
 * pairs outlive an iteration.
 */
public final class Lbfgs {

    /** L-BFGS-B's epsmch: the machine epsilon of doubles, 2^-52. */
    static final double EPSILON = Math.ulp(1.0);

    private final LbfgsSettings settings;

    public Lbfgs(LbfgsSettings settings) {
        this.settings = settings;
    }

    public LbfgsSettings settings() {
        return settings;
    }

    /**
     * Minimises {@code objective} from {@code x0} (flat float64, left unchanged). {@code listener} hears of every
     * accepted step, before the limits and convergence are tested, as scipy's callback does.
     */
    public MinimizeResult minimize(Objective objective, NDArray x0, IterateListener listener) {
        Vectors.requireFlatFloat64(x0, "x0");
        NDManager caller = x0.getManager();
        try (NDManager run = caller.newSubManager();
                CountingObjective function = new CountingObjective(objective, run);
                LbfgsMemory memory = new LbfgsMemory(settings.history(), run)) {
            NDArray start = x0.duplicate();
            start.attach(run);
            // scipy's ScalarFunction evaluates x0 when it is made: that is evaluation 1.
            Point current = Point.at(function, start);
            int iterations = 0;
            if (Vectors.maxAbs(current.gradient()) <= settings.pgtol()) {
                return result(current, caller, function, iterations, StopReason.CONVERGED_GRADIENT);
            }
            while (true) {
                try (NDManager scope = run.newSubManager()) {
                    NDArray z = searchTarget(current, memory, scope);
                    NDArray d = z.sub(current.x());
                    double dnorm = Math.sqrt(Vectors.dot(d, d));
                    // lnsrlb: the very first search starts at 1/||d||, every later one (even after a reset) at 1.
                    double initialStep = iterations == 0 ? Math.min(1.0 / dnorm, LbfgsLineSearch.MAX_STEP) : 1.0;
                    Optional<LbfgsLineSearch.Step> found =
                            LbfgsLineSearch.search(function, current, z, d, initialStep);
                    if (found.isEmpty()) {
                        // mainlb: back at the last accepted point; with no memory to forget, give up.
                        if (memory.isEmpty()) {
                            return result(current, caller, function, iterations, StopReason.LINE_SEARCH_FAILED);
                        }
                        memory.clear();
                        continue;
                    }
                    LbfgsLineSearch.Step step = found.get();
                    Point previous = current;
                    current = step.point();
                    current.attach(run);
                    iterations++;

                    StopReason stop = stopReason(current, previous, function, iterations, listener);
                    if (stop != null) {
                        previous.close();
                        return result(current, caller, function, iterations, stop);
                    }
                    remember(memory, previous, current, d, step);
                    previous.close();
                }
            }
        }
    }

    /**
     * The point the search direction leads to, z, attached to {@code scope}. With an empty memory it is the Cauchy
     * point of {@code cauchy} for B = I and no bounds, x - g; otherwise the subspace minimiser of {@code subsm},
     * x - H g.
     */
    private static NDArray searchTarget(Point current, LbfgsMemory memory, NDManager scope) {
        NDArray z;
        if (memory.isEmpty()) {
            // Mixed precision promotes to float64: the same as subtracting the widened gradient.
            z = current.x().sub(current.gradient());
        } else {
            try (NDArray newtonStep = memory.newtonStep(current.gradient(), scope)) {
                z = current.x().add(newtonStep);
            }
        }
        z.attach(scope);
        return z;
    }

    /** scipy's driver at task NEW_X, then mainlb's convergence tests; null to go on. */
    private StopReason stopReason(
            Point current, Point previous, CountingObjective function, int iterations, IterateListener listener) {
        if (!listener.onIterate(new Iterate(iterations, function.evaluations(), current.value(), current.x()))) {
            return StopReason.STOPPED_BY_LISTENER;
        }
        if (iterations >= settings.maxIterations()) {
            return StopReason.ITERATION_LIMIT;
        }
        if (function.evaluations() > settings.maxEvaluations()) {
            return StopReason.EVALUATION_LIMIT;
        }
        if (Vectors.maxAbs(current.gradient()) <= settings.pgtol()) {
            return StopReason.CONVERGED_GRADIENT;
        }
        double fold = previous.value();
        double f = current.value();
        double scale = Math.max(Math.max(Math.abs(fold), Math.abs(f)), 1.0);
        if (fold - f <= settings.factr() * EPSILON * scale) {
            return StopReason.CONVERGED_VALUE;
        }
        return null;
    }

    /**
     * mainlb's update: s = stp*d, y = g_new - g_old, with s'y taken from the line search's slopes as L-BFGS-B does;
     * the pair is skipped when s'y <= eps * (-g_old's).
     */
    private static void remember(LbfgsMemory memory, Point previous, Point current, NDArray d,
            LbfgsLineSearch.Step step) {
        double yy;
        try (NDArray y = Vectors.difference(current.gradient(), previous.gradient())) {
            yy = Vectors.dot(y, y);
        }
        double stp = step.step();
        double sy;
        double minimumSy;
        if (stp == 1.0) {
            sy = step.slope() - step.slope0();
            minimumSy = -step.slope0();
        } else {
            sy = (step.slope() - step.slope0()) * stp;
            d.muli(stp);
            minimumSy = -step.slope0() * stp;
        }
        if (sy <= EPSILON * minimumSy) {
            return;
        }
        memory.add(d, previous.shared(), current.shared(), sy, yy);
    }

    private static MinimizeResult result(
            Point point, NDManager caller, CountingObjective function, int iterations, StopReason reason) {
        NDArray x = point.x();
        x.attach(caller);
        return new MinimizeResult(x, point.value(), function.evaluations(), iterations, reason);
    }
}
