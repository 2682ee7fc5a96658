package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The outcome of a {@link ResetSchedule}.
 *
 * @param x           where the last round ended, attached to the starting point's manager: the caller owns it
 * @param value       the function value at {@code x}
 * @param evaluations evaluations over all rounds
 * @param rounds      the rounds run, in order
 */
public record ScheduleResult(NDArray x, double value, int evaluations, List<RoundResult> rounds) {

    /** Why the last round ended. */
    public StopReason lastStopReason() {
        return rounds.get(rounds.size() - 1).stopReason();
    }
}
