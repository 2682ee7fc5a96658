package dev.atelier.cli;

import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Schedule;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How the optimiser spends its evaluations; unset options take the preset's values. */
final class ScheduleOptions {

    @Option(names = "--optimizer", paramLabel = "lbfgs|adam", defaultValue = "lbfgs",
            description = "L-BFGS (as the reference) or Adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam's step size in pixel units (default: 10).")
    Double learningRate;

    @Option(names = "--iterations", paramLabel = "N", description = "Outer iterations (seed: 10).")
    Integer iterations;

    @Option(names = "--evaluations-per-iteration", paramLabel = "N",
            description = "Loss+gradient evaluations per outer iteration, scipy's maxfun: a line search under way is "
                    + "finished, so an iteration may use one or two more (seed: 20).")
    Integer evaluationsPerIteration;

    @Option(names = "--restart", paramLabel = "each-iteration|never",
            description = "each-iteration: reset the L-BFGS memory every outer iteration, as the reference does; "
                    + "never: one continuous L-BFGS run with the same budget, usually reaching a lower loss (seed: each-iteration).")
    String restart;

    @Option(names = "--history", paramLabel = "M", description = "L-BFGS memory: correction pairs kept (seed: 10, as scipy).")
    Integer history;

    Schedule toSchedule(Preset preset) {
        Schedule base = preset.schedule();
        int n = positive("--iterations", iterations, base.iterations(), 100_000);
        int e = positive("--evaluations-per-iteration", evaluationsPerIteration, base.evaluationsPerIteration(), 1_000_000);
        int m = positive("--history", history, base.history(), 1000);
        boolean restarts = base.restartEachIteration();
        if (restart != null) {
            restarts = switch (restart.toLowerCase(Locale.ROOT)) {
                case "each-iteration" -> true;
                case "never" -> false;
                default -> throw new UsageException("--restart must be each-iteration or never, got '" + restart + "'");
            };
        }
        Schedule.OptimizerKind kind = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "lbfgs", "l-bfgs" -> Schedule.OptimizerKind.LBFGS;
            case "adam" -> Schedule.OptimizerKind.ADAM;
            default -> throw new UsageException("--optimizer must be lbfgs or adam, got '" + optimizer + "'");
        };
        double rate = learningRate == null ? Schedule.DEFAULT_LEARNING_RATE : learningRate;
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException("--learning-rate must be a positive number, got " + rate);
        }
        return new Schedule(n, e, restarts, m, kind, rate);
    }

    private static int positive(String option, Integer value, int fallback, int max) {
        int v = value == null ? fallback : value;
        if (v < 1 || v > max) {
            throw new UsageException(option + " must be between 1 and " + max + ", got " + v);
        }
        return v;
    }
}
