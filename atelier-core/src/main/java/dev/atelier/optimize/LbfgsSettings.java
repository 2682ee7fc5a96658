package dev.atelier.optimize;

/**
 * Settings of {@link Lbfgs}, named and defaulted as scipy's {@code fmin_l_bfgs_b}.
 *
 * @param history         m, the number of correction pairs kept
 * @param maxEvaluations  scipy's maxfun: checked only when a step is accepted, so a run may exceed it a little
 * @param maxIterations   scipy's maxiter: the number of accepted steps
 * @param pgtol           stop when the largest gradient component is at most this
 * @param factr           stop when {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= factr * machine epsilon}
 */
public record LbfgsSettings(int history, int maxEvaluations, int maxIterations, double pgtol, double factr) {

    public static final int DEFAULT_HISTORY = 10;
    public static final int DEFAULT_MAX_EVALUATIONS = 15000;
    public static final int DEFAULT_MAX_ITERATIONS = 15000;
    public static final double DEFAULT_PGTOL = 1e-5;
    public static final double DEFAULT_FACTR = 1e7;

    public LbfgsSettings {
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1: " + history);
        }
        if (maxEvaluations < 1 || maxIterations < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive: maxEvaluations=" + maxEvaluations + " maxIterations=" + maxIterations);
        }
        if (!(pgtol >= 0) || !(factr >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative: pgtol=" + pgtol + " factr=" + factr);
        }
    }

    /** scipy's defaults: m=10, maxfun=maxiter=15000, pgtol=1e-5, factr=1e7. */
    public static LbfgsSettings defaults() {
        return new LbfgsSettings(
                DEFAULT_HISTORY, DEFAULT_MAX_EVALUATIONS, DEFAULT_MAX_ITERATIONS, DEFAULT_PGTOL, DEFAULT_FACTR);
    }

    public LbfgsSettings withHistory(int m) {
        return new LbfgsSettings(m, maxEvaluations, maxIterations, pgtol, factr);
    }

    public LbfgsSettings withMaxEvaluations(int maxfun) {
        return new LbfgsSettings(history, maxfun, maxIterations, pgtol, factr);
    }

    public LbfgsSettings withMaxIterations(int maxiter) {
        return new LbfgsSettings(history, maxEvaluations, maxiter, pgtol, factr);
    }

    public LbfgsSettings withPgtol(double tolerance) {
        return new LbfgsSettings(history, maxEvaluations, maxIterations, tolerance, factr);
    }

    public LbfgsSettings withFactr(double factor) {
        return new LbfgsSettings(history, maxEvaluations, maxIterations, pgtol, factor);
    }
}
