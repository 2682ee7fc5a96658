package dev.atelier.web;

import dev.atelier.transfer.Progress;

/**
 * A running job's latest progress, as the API reports it; loss terms that are not known at a step are NaN here
 * and null in JSON.
 */
record JobProgress(int iteration, int iterations, int evaluations, int budget, double loss, double contentLoss,
                   double styleLoss, double tvLoss, double seconds, double remainingSeconds) {

    static JobProgress of(Progress p) {
        return new JobProgress(p.iteration(), p.iterations(), p.evaluations(), p.budget(), p.loss().total(),
                p.loss().content(), p.loss().style(), p.loss().tv(), p.seconds(), p.remainingSeconds());
    }

    /** 0..1, by evaluations spent of the budget. */
    double fraction() {
        return budget == 0 ? 0 : Math.min(1.0, (double) evaluations / budget);
    }

    /** Seconds left at the pace so far (every coarse-to-fine pass counted by its pixels), or NaN before anything is known. */
    double etaSeconds() {
        return seconds <= 0 ? Double.NaN : remainingSeconds;
    }
}
