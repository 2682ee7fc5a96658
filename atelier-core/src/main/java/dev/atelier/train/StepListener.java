package dev.atelier.train;

/** Hears of each finished training step. */
@FunctionalInterface
public interface StepListener {
    /** @param step 1-based; {@code seconds} is the step's own time */
    void onStep(long step, long steps, LossValues values, double seconds);
}
