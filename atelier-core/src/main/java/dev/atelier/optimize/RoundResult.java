package dev.atelier.optimize;

/**
 * One round of a {@link ResetSchedule}: one fresh minimisation.
 *
 * @param round                 0-based index of the round
 * @param value                 the function value where the round ended
 * @param evaluations           evaluations in this round (scipy's funcalls)
 * @param cumulativeEvaluations evaluations in this and all earlier rounds
 * @param iterations            accepted steps in this round
 * @param stopReason            why the round ended
 */
public record RoundResult(
        int round, double value, int evaluations, int cumulativeEvaluations, int iterations, StopReason stopReason) {}
