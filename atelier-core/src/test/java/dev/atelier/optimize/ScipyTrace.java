package dev.atelier.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * scipy's accepted steps over one run or a schedule of rounds, numbered across rounds, with the length of the
 * stretch over which they are reproducible at all.
 *
 * <p>Last-bit differences (another summation order, say) grow along a trajectory. The fixtures repeat every scipy
 * run with its gradient rounded up by one ulp; where that perturbed run has drifted from scipy by more than
 * {@link #SELF_DRIFT} relative, scipy no longer reproduces itself closely enough for a step-for-step comparison.
 * A round is reproducible when it and all rounds before it end alike in both runs and all their steps are.
 *
 * <p>Whatever the perturbed run does, the first {@link #ALWAYS_EXACT_EVALUATIONS} evaluations (a whole maxfun=20
 * run) are compared step for step, and so is a run that ends within them.
 */
record ScipyTrace(List<Step> steps, int reproducibleSteps, int reproducibleRounds) {

    /** The self-drift beyond which steps are not compared value for value. */
    static final double SELF_DRIFT = 1e-12;
    static final int ALWAYS_EXACT_EVALUATIONS = 25;

    /**
     * @param value       f at the accepted point
     * @param evaluations evaluations so far, counted across rounds
     * @param round       the index of the round (or 0 for a single run)
     */
    record Step(double value, int evaluations, int round) {}

    static ScipyTrace of(List<ScipyFixtures.Run> runs) {
        List<Step> steps = new ArrayList<>();
        List<Double> perturbed = new ArrayList<>();
        int before = 0;
        for (int r = 0; r < runs.size(); r++) {
            ScipyFixtures.Run run = runs.get(r);
            for (int i = 0; i < run.acceptedValues().length; i++) {
                steps.add(new Step(run.acceptedValues()[i], before + run.acceptedEvaluations()[i], r));
            }
            for (double value : run.perturbed().acceptedValues()) {
                perturbed.add(value);
            }
            before += run.evaluations();
        }
        int reproducible = 0;
        while (reproducible < steps.size()
                && reproducible < perturbed.size()
                && relativeDifference(steps.get(reproducible).value(), perturbed.get(reproducible)) <= SELF_DRIFT) {
            reproducible++;
        }
        int early = 0;
        while (early < steps.size() && steps.get(early).evaluations() <= ALWAYS_EXACT_EVALUATIONS) {
            early++;
        }
        int rounds = 0;
        int stepsSoFar = 0;
        int evaluationsSoFar = 0;
        for (ScipyFixtures.Run run : runs) {
            stepsSoFar += run.acceptedValues().length;
            evaluationsSoFar += run.evaluations();
            boolean alike = endsAlike(run, run.perturbed()) && stepsSoFar <= reproducible;
            if (!alike && evaluationsSoFar > ALWAYS_EXACT_EVALUATIONS) {
                break;
            }
            rounds++;
        }
        reproducible = Math.max(reproducible, early);
        return new ScipyTrace(List.copyOf(steps), reproducible, rounds);
    }

    private static boolean endsAlike(ScipyFixtures.Run run, ScipyFixtures.Run perturbed) {
        return perturbed.evaluations() == run.evaluations()
                && perturbed.iterations() == run.iterations()
                && perturbed.task().equals(run.task())
                && relativeDifference(perturbed.value(), run.value()) <= SELF_DRIFT;
    }

    static double relativeDifference(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }
}
