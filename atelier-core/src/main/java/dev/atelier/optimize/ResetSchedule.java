package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Lbfgs} in rounds of at most {@code evaluationsPerRound} evaluations, each round a fresh minimisation
 * (empty memory, first step 1/||g||, the start evaluated again) from where the last one ended. Ten rounds of 20 are
 * exactly the reference script's
 * {@code for i in range(10): x, val, info = fmin_l_bfgs_b(f, x, fprime=fp, maxfun=20)}; one round with all the
 * evaluations is a plain continuous run.
 *
 * <p>Every round runs, as in the reference script, even when an earlier one converged. The schedule ends early only
 * when a listener asks it to.
 *
 * @param rounds              how many minimisations to run
 * @param evaluationsPerRound each round's maxEvaluations (scipy's maxfun)
 * @param settings            everything else about each round; its maxEvaluations is replaced
 */
public record ResetSchedule(int rounds, int evaluationsPerRound, LbfgsSettings settings) {

    public ResetSchedule {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        settings = settings.withMaxEvaluations(evaluationsPerRound);
    }

    /** {@code rounds} rounds of {@code evaluationsPerRound} with scipy's other defaults. */
    public static ResetSchedule ofRounds(int rounds, int evaluationsPerRound) {
        return new ResetSchedule(rounds, evaluationsPerRound, LbfgsSettings.defaults());
    }

    /** One uninterrupted run with all the evaluations. */
    public static ResetSchedule continuous(int evaluations) {
        return ofRounds(1, evaluations);
    }

    /**
     * Runs the rounds from {@code x0}, which is left unchanged. {@code iterates} hears of every accepted step (its
     * counts restart each round); {@code roundListener} of every finished round.
     */
    public ScheduleResult run(Objective objective, NDArray x0, IterateListener iterates, RoundListener roundListener) {
        Lbfgs lbfgs = new Lbfgs(settings);
        List<RoundResult> results = new ArrayList<>();
        int cumulative = 0;
        NDArray x = null;
        double value = Double.NaN;
        for (int round = 0; round < rounds; round++) {
            MinimizeResult result = lbfgs.minimize(objective, x == null ? x0 : x, iterates);
            if (x != null) {
                x.close();
            }
            x = result.x();
            value = result.value();
            cumulative += result.evaluations();
            RoundResult summary = new RoundResult(
                    round, value, result.evaluations(), cumulative, result.iterations(), result.stopReason());
            results.add(summary);
            boolean goOn = roundListener.onRound(summary);
            if (!goOn || result.stopReason() == StopReason.STOPPED_BY_LISTENER) {
                break;
            }
        }
        return new ScheduleResult(x, value, cumulative, List.copyOf(results));
    }
}
