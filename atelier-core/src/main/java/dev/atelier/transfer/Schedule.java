package dev.atelier.transfer;

/**
 * How the optimiser spends its evaluations: {@code iterations} outer iterations of at most
 * {@code evaluationsPerIteration} evaluations each. With L-BFGS the memory is reset between them (the reference's
 * schedule) or kept across the whole run ({@code restartEachIteration = false}: one continuous run with the same
 * budget, whose outer iterations are only reporting points). Adam always runs continuously.
 */
public record Schedule(int iterations, int evaluationsPerIteration, boolean restartEachIteration, int history,
                       OptimizerKind optimizer, double learningRate) {

    /** The optimisers on offer. */
    public enum OptimizerKind { LBFGS, ADAM }

    /** neural-style's Adam step size, in preprocessed pixel units. */
    public static final double DEFAULT_LEARNING_RATE = 10;

    public Schedule {
        if (iterations < 1 || evaluationsPerIteration < 1 || history < 1) {
            throw new IllegalArgumentException("iterations, evaluations per iteration and history must be positive");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        }
    }

    /** An L-BFGS schedule. */
    public Schedule(int iterations, int evaluationsPerIteration, boolean restartEachIteration, int history) {
        this(iterations, evaluationsPerIteration, restartEachIteration, history, OptimizerKind.LBFGS,
                DEFAULT_LEARNING_RATE);
    }

    public static Schedule seed() {
        return new Schedule(SeedPreset.ROUNDS, SeedPreset.EVALUATIONS_PER_ROUND, true, SeedPreset.HISTORY);
    }

    public int budget() {
        return iterations * evaluationsPerIteration;
    }

    /** Whether the optimiser's memory is reset at every outer iteration. */
    public boolean restarts() {
        return restartEachIteration && optimizer == OptimizerKind.LBFGS;
    }
}
