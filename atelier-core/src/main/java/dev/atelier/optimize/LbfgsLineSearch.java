package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * L-BFGS-B's {@code lnsrlb} for unbounded variables, with mainlb's limit on evaluations per search: the Moré–Thuente
 * search along {@code d} from the current point, with the tolerances L-BFGS-B fixes.
 */
final class LbfgsLineSearch {

    static final double FTOL = 1e-3;
    static final double GTOL = 0.9;
    static final double XTOL = 0.1;
    /** lnsrlb's {@code big}: the largest step, stpmx. */
    static final double MAX_STEP = 1e10;
    /** scipy's maxls: a search that would need more evaluations fails. */
    static final int MAX_EVALUATIONS = 20;

    /**
     * The accepted step.
     *
     * @param point   the new point, attached where {@code d} is
     * @param step    the step length stp along d
     * @param slope   the directional derivative g'd at the new point (gd)
     * @param slope0  the directional derivative g'd at the start (gdold)
     */
    record Step(Point point, double step, double slope, double slope0) {}

    private LbfgsLineSearch() {}

    /**
     * Searches from {@code start} along {@code d = z - start.x}, first trying {@code initialStep}. An empty result
     * means the search failed: {@code d} is not a descent direction, or no acceptable step was found within
     * {@link #MAX_EVALUATIONS} evaluations. Trial points are made where {@code d} is and closed when superseded.
     */
    static Optional<Step> search(CountingObjective function, Point start, NDArray z, NDArray d, double initialStep) {
        double slope0 = Vectors.dot(start.gradient(), d);
        if (slope0 >= 0) {
            return Optional.empty();
        }
        var search = new MoreThuenteLineSearch(FTOL, GTOL, XTOL, 0.0, MAX_STEP);
        MoreThuenteLineSearch.Status status = search.start(start.value(), slope0, initialStep);
        Point trial = null;
        double slope = slope0;
        int requested = 0;
        while (status == MoreThuenteLineSearch.Status.EVALUATE) {
            // mainlb gives up when lnsrlb asks for evaluation maxls + 1 (iback = ifun - 1 >= maxls).
            if (requested++ >= MAX_EVALUATIONS) {
                break;
            }
            double stp = search.step();
            // lnsrlb: at stp = 1 the trial point is z itself, otherwise stp*d + t.
            NDArray x = stp == 1.0 ? z.duplicate() : d.mul(stp).addi(start.x());
            if (trial != null) {
                trial.close();
            }
            trial = Point.at(function, x);
            slope = Vectors.dot(trial.gradient(), d);
            status = search.next(trial.value(), slope);
        }
        boolean accepted = status == MoreThuenteLineSearch.Status.CONVERGED
                || status == MoreThuenteLineSearch.Status.WARNING;
        if (!accepted) {
            if (trial != null) {
                trial.close();
            }
            return Optional.empty();
        }
        return Optional.of(new Step(trial, search.step(), slope, slope0));
    }
}
