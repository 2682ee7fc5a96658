package dev.atelier.optimize;

/** Receives each finished round of a {@link ResetSchedule}; returning {@code false} ends the schedule. */
@FunctionalInterface
public interface RoundListener {
    boolean onRound(RoundResult round);

    RoundListener NONE = round -> true;
}
