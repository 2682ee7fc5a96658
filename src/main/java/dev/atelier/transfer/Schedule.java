package dev.atelier.transfer;

/**
 * How the optimiser spends its evaluations: {@code iterations} outer iterations of at most
 * {@code evaluationsPerIteration} evaluations each, with the L-BFGS memory reset between them (the reference's
 * schedule) or kept across the whole run ({@code restartEachIteration = false}: one continuous L-BFGS run with the
 * same budget, whose outer iterations are only reporting points).
 */
public record Schedule(int iterations, int evaluationsPerIteration, boolean restartEachIteration, int history) {

    public Schedule {
        if (iterations < 1 || evaluationsPerIteration < 1 || history < 1) {
            throw new IllegalArgumentException("iterations, evaluations per iteration and history must be positive");
        }
    }

    public static Schedule seed() {
        return new Schedule(SeedPreset.ROUNDS, SeedPreset.EVALUATIONS_PER_ROUND, true, SeedPreset.HISTORY);
    }

    public int budget() {
        return iterations * evaluationsPerIteration;
    }
}
