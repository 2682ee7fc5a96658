package dev.atelier.optimize;

/**
 * The safeguarded step of the Moré–Thuente line search: MINPACK-2's {@code dcstep}, ported statement for statement
 * from the copy in scipy's lbfgsb.f so that the floating-point results match.
 *
 * <p>It holds the interval that contains a step satisfying the Wolfe conditions: {@code stx} is the best step so far,
 * {@code sty} the other end of the interval, {@code stp} the current step. {@link #update} moves them and sets the
 * next trial step.
 */
final class MoreThuenteStep {
    private static final double P66 = 0.66;

    double stx;
    double fx;
    double dx;
    double sty;
    double fy;
    double dy;
    double stp;
    boolean bracketed;

    /**
     * Updates the interval with the function value {@code fp} and derivative {@code dp} at {@link #stp}, and puts
     * the new trial step, kept within {@code [stpmin, stpmax]} where the routine says so, in {@link #stp}.
     */
    void update(double fp, double dp, double stpmin, double stpmax) {
        double sgnd = dp * (dx / Math.abs(dx));
        double stpf;

        if (fp > fx) {
            // First case: a higher function value. The minimum is bracketed. If the cubic step is closer to stx
            // than the quadratic step, the cubic step is taken, otherwise the average of the two.
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(square(theta / s) - (dx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
            if (Math.abs(stpc - stx) < Math.abs(stpq - stx)) {
                stpf = stpc;
            } else {
                stpf = stpc + (stpq - stpc) / 2.0;
            }
            bracketed = true;
        } else if (sgnd < 0.0) {
            // Second case: a lower function value and derivatives of opposite sign. The minimum is bracketed.
            // If the cubic step is farther from stp than the secant step, the cubic step is taken.
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(square(theta / s) - (dx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (Math.abs(stpc - stp) > Math.abs(stpq - stp)) {
                stpf = stpc;
            } else {
                stpf = stpq;
            }
            bracketed = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            // Third case: a lower function value, derivatives of the same sign, and the magnitude of the
            // derivative decreases. The cubic step is used only if the cubic tends to infinity in the direction
            // of the step or its minimum is beyond stp; otherwise the secant step.
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(Math.max(0.0, square(theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0.0 && gamma != 0.0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);

            if (bracketed) {
                if (Math.abs(stpc - stp) < Math.abs(stpq - stp)) {
                    stpf = stpc;
                } else {
                    stpf = stpq;
                }
                if (stp > stx) {
                    stpf = Math.min(stp + P66 * (sty - stp), stpf);
                } else {
                    stpf = Math.max(stp + P66 * (sty - stp), stpf);
                }
            } else {
                if (Math.abs(stpc - stp) > Math.abs(stpq - stp)) {
                    stpf = stpc;
                } else {
                    stpf = stpq;
                }
                stpf = Math.min(stpmax, stpf);
                stpf = Math.max(stpmin, stpf);
            }
        } else {
            // Fourth case: a lower function value, derivatives of the same sign, and the magnitude of the
            // derivative does not decrease. Unbracketed, the step is stpmin or stpmax; otherwise the cubic step.
            if (bracketed) {
                double theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
                double s = max3(Math.abs(theta), Math.abs(dy), Math.abs(dp));
                double gamma = s * Math.sqrt(square(theta / s) - (dy / s) * (dp / s));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                double r = p / q;
                stpf = stp + r * (sty - stp);
            } else if (stp > stx) {
                stpf = stpmax;
            } else {
                stpf = stpmin;
            }
        }

        // Update the interval which contains a minimizer.
        if (fp > fx) {
            sty = stp;
            fy = fp;
            dy = dp;
        } else {
            if (sgnd < 0.0) {
                sty = stx;
                fy = fx;
                dy = dx;
            }
            stx = stp;
            fx = fp;
            dx = dp;
        }
        stp = stpf;
    }

    private static double square(double v) {
        return v * v;
    }

    private static double max3(double a, double b, double c) {
        return Math.max(Math.max(a, b), c);
    }
}
