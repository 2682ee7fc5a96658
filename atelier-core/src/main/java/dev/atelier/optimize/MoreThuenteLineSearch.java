package dev.atelier.optimize;

/**
 * The Moré–Thuente line search for a step satisfying the strong Wolfe conditions: MINPACK-2's {@code dcsrch} as
 * copied into scipy's lbfgsb.f, ported statement for statement. It works on the scalar function
 * {@code phi(stp) = f(x + stp*d)}: the caller evaluates phi and its derivative wherever {@link #step()} says, and
 * reports them back until the search ends.
 *
 * <pre>
 *   search = new MoreThuenteLineSearch(ftol, gtol, xtol, stpmin, stpmax);
 *   status = search.start(phi(0), phi'(0), initialStep);
 *   while (status == EVALUATE) status = search.next(phi(search.step()), phi'(search.step()));
 * </pre>
 */
final class MoreThuenteLineSearch {

    /** What the search asks for, or how it ended (dcsrch's {@code task}). */
    enum Status {
        /** Evaluate phi and its derivative at {@link #step()} ('FG'). */
        EVALUATE,
        /** The step satisfies the sufficient decrease and curvature conditions ('CONVERGENCE'). */
        CONVERGED,
        /** No better step can be found; the step is the best one found ('WARNING: ...'). */
        WARNING,
        /** The arguments are invalid ('ERROR: ...'). */
        ERROR
    }

    private static final double P5 = 0.5;
    private static final double P66 = 0.66;
    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    private final double ftol;
    private final double gtol;
    private final double xtol;
    private final double stpmin;
    private final double stpmax;

    private final MoreThuenteStep interval = new MoreThuenteStep();
    private int stage;
    private double finit;
    private double ginit;
    private double gtest;
    private double stmin;
    private double stmax;
    private double width;
    private double width1;
    private String message = "";

    MoreThuenteLineSearch(double ftol, double gtol, double xtol, double stpmin, double stpmax) {
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
    }

    /** The step at which to evaluate next or, once the search has ended, the step it settled on. */
    double step() {
        return interval.stp;
    }

    /** dcsrch's task text for the last warning or error, for diagnostics. */
    String message() {
        return message;
    }

    /** Starts the search from {@code phi(0) = f}, {@code phi'(0) = g} (negative) with a first trial step. */
    Status start(double f, double g, double stp) {
        interval.stp = stp;
        if (stp < stpmin) {
            return error("ERROR: STP .LT. STPMIN");
        }
        if (stp > stpmax) {
            return error("ERROR: STP .GT. STPMAX");
        }
        if (g >= 0.0) {
            return error("ERROR: INITIAL G .GE. ZERO");
        }
        if (ftol < 0.0 || gtol < 0.0 || xtol < 0.0 || stpmin < 0.0 || stpmax < stpmin) {
            return error("ERROR: INVALID TOLERANCES OR BOUNDS");
        }
        interval.bracketed = false;
        stage = 1;
        finit = f;
        ginit = g;
        gtest = ftol * ginit;
        width = stpmax - stpmin;
        width1 = width / P5;

        interval.stx = 0.0;
        interval.fx = finit;
        interval.dx = ginit;
        interval.sty = 0.0;
        interval.fy = finit;
        interval.dy = ginit;
        stmin = 0.0;
        stmax = stp + XTRAPU * stp;
        return Status.EVALUATE;
    }

    /** Takes {@code phi(step()) = f} and {@code phi'(step()) = g}; returns what to do next. */
    Status next(double f, double g) {
        MoreThuenteStep s = interval;
        double stp = s.stp;

        // If psi(stp) <= 0 and f'(stp) >= 0 for some step, the algorithm enters the second stage.
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0.0) {
            stage = 2;
        }

        Status status = Status.EVALUATE;
        if (s.bracketed && (stp <= stmin || stp >= stmax)) {
            status = warning("WARNING: ROUNDING ERRORS PREVENT PROGRESS");
        }
        if (s.bracketed && stmax - stmin <= xtol * stmax) {
            status = warning("WARNING: XTOL TEST SATISFIED");
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            status = warning("WARNING: STP = STPMAX");
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            status = warning("WARNING: STP = STPMIN");
        }
        if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
            message = "CONVERGENCE";
            status = Status.CONVERGED;
        }
        if (status != Status.EVALUATE) {
            return status;
        }

        if (stage == 1 && f <= s.fx && f > ftest) {
            // A lower function value without sufficient decrease: in the first stage the step is predicted from
            // the modified function psi.
            double fm = f - stp * gtest;
            double gm = g - gtest;
            s.fx = s.fx - s.stx * gtest;
            s.fy = s.fy - s.sty * gtest;
            s.dx = s.dx - gtest;
            s.dy = s.dy - gtest;

            s.update(fm, gm, stmin, stmax);

            s.fx = s.fx + s.stx * gtest;
            s.fy = s.fy + s.sty * gtest;
            s.dx = s.dx + gtest;
            s.dy = s.dy + gtest;
        } else {
            s.update(f, g, stmin, stmax);
        }

        // Decide if a bisection step is needed.
        if (s.bracketed) {
            if (Math.abs(s.sty - s.stx) >= P66 * width1) {
                s.stp = s.stx + P5 * (s.sty - s.stx);
            }
            width1 = width;
            width = Math.abs(s.sty - s.stx);
        }

        // Set the minimum and maximum steps allowed for stp.
        if (s.bracketed) {
            stmin = Math.min(s.stx, s.sty);
            stmax = Math.max(s.stx, s.sty);
        } else {
            stmin = s.stp + XTRAPL * (s.stp - s.stx);
            stmax = s.stp + XTRAPU * (s.stp - s.stx);
        }

        // Force the step to be within the bounds stpmax and stpmin.
        s.stp = Math.max(s.stp, stpmin);
        s.stp = Math.min(s.stp, stpmax);

        // If further progress is not possible, let stp be the best point obtained during the search.
        if (s.bracketed && (s.stp <= stmin || s.stp >= stmax) || (s.bracketed && stmax - stmin <= xtol * stmax)) {
            s.stp = s.stx;
        }
        return Status.EVALUATE;
    }

    private Status warning(String text) {
        message = text;
        return Status.WARNING;
    }

    private Status error(String text) {
        message = text;
        return Status.ERROR;
    }
}
