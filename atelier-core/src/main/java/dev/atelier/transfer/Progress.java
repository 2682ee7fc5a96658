package dev.atelier.transfer;

import java.util.function.Supplier;

/**
 * One accepted optimiser step of a run: the stream the progress bar, reports, previews and intermediate saves
 * consume.
 *
 * @param iteration    1-based outer iteration (a round of the schedule, or a slice of the budget in a continuous run)
 * @param iterations   outer iterations in the run
 * @param step         accepted optimiser steps so far, over the whole run
 * @param evaluations  loss+gradient evaluations so far, over the whole run
 * @param budget       the run's evaluation budget
 * @param loss         the loss terms at the current image
 * @param seconds      seconds since the optimisation started (targets and set-up excluded)
 * @param iterationEnd whether this step closes outer iteration {@code iteration}
 * @param height       image height
 * @param width        image width
 * @param remainingSeconds estimated seconds to the end of the run (of every pass still to come), NaN before the
 *                     first evaluation
 * @param image        the current image, preprocessed H×W×3 (as the codec's arrays), copied out on request;
 *                     call it only during the callback
 */
public record Progress(int iteration, int iterations, int step, int evaluations, int budget, LossValues loss,
                       double seconds, boolean iterationEnd, int height, int width, double remainingSeconds,
                       Supplier<float[]> image) {}
