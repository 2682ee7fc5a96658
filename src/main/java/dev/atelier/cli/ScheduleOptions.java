package dev.atelier.cli;

import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.SeedPreset;
import picocli.CommandLine.Option;

/** How L-BFGS spends its evaluations; defaults are the reference's schedule. */
final class ScheduleOptions {

    enum Restart { each_iteration, never }

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + SeedPreset.ROUNDS,
            description = "Outer iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--evaluations-per-iteration", paramLabel = "N", defaultValue = "" + SeedPreset.EVALUATIONS_PER_ROUND,
            description = "Loss+gradient evaluations per outer iteration, scipy's maxfun: a line search under way is "
                    + "finished, so an iteration may use one or two more (default: ${DEFAULT-VALUE}).")
    int evaluationsPerIteration;

    @Option(names = "--restart", paramLabel = "each-iteration|never", defaultValue = "each-iteration",
            converter = RestartConverter.class,
            description = "each-iteration: reset the L-BFGS memory every outer iteration, as the reference does; "
                    + "never: one continuous L-BFGS run with the same budget (usually lower loss) (default: ${DEFAULT-VALUE}).")
    Restart restart;

    @Option(names = "--history", paramLabel = "M", defaultValue = "" + SeedPreset.HISTORY,
            description = "L-BFGS memory: correction pairs kept (default: ${DEFAULT-VALUE}, as scipy).")
    int history;

    Schedule toSchedule() {
        positive("--iterations", iterations, 100_000);
        positive("--evaluations-per-iteration", evaluationsPerIteration, 1_000_000);
        positive("--history", history, 1000);
        return new Schedule(iterations, evaluationsPerIteration, restart == Restart.each_iteration, history);
    }

    private static void positive(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new UsageException(option + " must be between 1 and " + max + ", got " + value);
        }
    }

    static final class RestartConverter implements picocli.CommandLine.ITypeConverter<Restart> {
        @Override
        public Restart convert(String value) {
            try {
                return Restart.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "expected each-iteration or never, got '" + value + "'");
            }
        }
    }
}
