package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.image.CaffeImage;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.Pooling;
import dev.atelier.network.TensorEngine;
import dev.atelier.optimize.Adam;
import dev.atelier.optimize.Iterate;
import dev.atelier.optimize.LbfgsSettings;
import dev.atelier.optimize.MinimizeResult;
import dev.atelier.optimize.Objective;
import dev.atelier.optimize.ResetSchedule;
import dev.atelier.optimize.RoundResult;
import dev.atelier.optimize.ScheduleResult;
import dev.atelier.optimize.StopReason;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The one stylize loop: builds the objective (targets once), runs L-BFGS on the schedule, and streams
 * {@link Progress} for every accepted step. All native memory of a run lives in one manager closed at its end.
 */
public final class Stylizer {

    /**
     * What a run produced; {@code stopReason} is why its last L-BFGS run ended ({@code STOPPED_BY_LISTENER} when
     * cancelled).
     */
    public record Result(CaffeImage image, LossValues loss, int evaluations, double seconds, StopReason stopReason) {

        public boolean cancelled() {
            return stopReason == StopReason.STOPPED_BY_LISTENER;
        }
    }

    /** The network a run uses, given the run's manager. */
    private final Function<NDManager, FeatureNetwork> network;

    /** Puts the weights on the device at the start of every run, in the run's manager. */
    public Stylizer(FeatureWeights weights, Pooling pooling) {
        this.network = run -> FeatureNetworks.upload(weights, run).withPooling(pooling);
    }

    /** Runs on a network already on the device; it must outlive the runs. */
    public Stylizer(FeatureNetwork network) {
        this.network = run -> network;
    }

    /** One style over the whole image, as the seed preset has it. */
    public Result run(CaffeImage content, CaffeImage style, Init init, LossSpec spec, Schedule schedule,
                      ProgressListener listener) {
        return run(content, List.of(StyleInput.of(style)), init, spec, schedule, listener, () -> false);
    }

    /**
     * Runs the schedule. {@code listener} hears of every accepted step and returning {@code false} stops the run;
     * {@code cancelRequested} is asked before every evaluation and stops the run within one. Either way the result
     * holds the last accepted image.
     */
    public Result run(CaffeImage content, List<StyleInput> styles, Init init, LossSpec spec, Schedule schedule,
                      ProgressListener listener, BooleanSupplier cancelRequested) {
        return run(content, styles, init, spec, schedule, listener, cancelRequested, run -> List.of());
    }

    /**
     * As above, with more loss terms (a video's temporal loss), made by {@code extraTerms} in the run's manager
     * (their tensors live until the run ends).
     */
    public Result run(CaffeImage content, List<StyleInput> styles, Init init, LossSpec spec, Schedule schedule,
                      ProgressListener listener, BooleanSupplier cancelRequested,
                      java.util.function.Function<NDManager, List<dev.atelier.loss.LossTerm>> extraTerms) {
        int h = content.height();
        int w = content.width();
        try (NDManager run = TensorEngine.newManager()) {
            StyleTransferObjective objective = ObjectiveBuilder.build(network.apply(run), run, spec, content, styles,
                    extraTerms.apply(run));
            StartupTimeline.mark("content and style targets computed");
            NDArray x0 = Tensors.fromHwc(run, init.pixels(content), h, w).reshape(-1);
            Run state = new Run(run, schedule, objective, listener, h, w, x0);
            Objective cancellable = x -> {
                if (cancelRequested.getAsBoolean()) {
                    throw new CancellationException();
                }
                return objective.evaluate(x);
            };
            StopReason stop;
            try {
                StopReason ended = optimize(schedule, cancellable, x0, state);
                stop = state.cancelled ? StopReason.STOPPED_BY_LISTENER : ended;
            } catch (CancellationException e) {
                stop = StopReason.STOPPED_BY_LISTENER;
            }
            LossValues loss = state.lastLoss != null ? state.lastLoss : objective.values(state.latest);
            CaffeImage image = new CaffeImage(h, w, Tensors.toHwc(state.latest, h, w));
            return new Result(image, loss, state.evaluations, state.seconds(), stop);
        }
    }

    private static StopReason optimize(Schedule schedule, Objective objective, NDArray x0, Run state) {
        if (schedule.optimizer() == Schedule.OptimizerKind.ADAM) {
            Adam.Settings settings = Adam.Settings.of(schedule.learningRate(), schedule.budget());
            MinimizeResult result = new Adam(settings).minimize(objective, x0, state::onStep);
            result.x().close();
            state.onRound(new RoundResult(0, result.value(), result.evaluations(), result.evaluations(),
                    result.iterations(), result.stopReason()));
            return result.stopReason();
        }
        LbfgsSettings settings = LbfgsSettings.defaults().withHistory(schedule.history());
        ResetSchedule plan = schedule.restarts()
                ? new ResetSchedule(schedule.iterations(), schedule.evaluationsPerIteration(), settings)
                : new ResetSchedule(1, schedule.budget(), settings);
        ScheduleResult result = plan.run(objective, x0, state::onStep, state::onRound);
        result.x().close();
        return result.lastStopReason();
    }

    /** Book-keeping across the rounds of one run, and the progress it emits. */
    private static final class Run {
        private final NDManager manager;
        private final Schedule schedule;
        private final StyleTransferObjective objective;
        private final ProgressListener listener;
        private final int height;
        private final int width;
        private final long start = System.nanoTime();
        private int iteration = 1;
        private int evaluationsBeforeRound;
        private int steps;
        int evaluations;
        boolean cancelled;
        LossValues lastLoss;
        /** A copy of the latest accepted point, in the run's manager: what a cancelled run returns. */
        NDArray latest;

        Run(NDManager manager, Schedule schedule, StyleTransferObjective objective, ProgressListener listener,
            int height, int width, NDArray x0) {
            this.manager = manager;
            this.schedule = schedule;
            this.objective = objective;
            this.listener = listener;
            this.height = height;
            this.width = width;
            this.latest = x0;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        boolean onStep(Iterate it) {
            steps++;
            evaluations = evaluationsBeforeRound + it.evaluations();
            keep(it.x());
            lastLoss = termsAt(it.value(), false);
            // A continuous run reports where the reference's rounds would end, so that the two compare.
            boolean sliceEnd = !schedule.restarts()
                    && evaluations >= iteration * schedule.evaluationsPerIteration();
            emit(sliceEnd);
            if (sliceEnd && iteration < schedule.iterations()) {
                iteration++;
            }
            return !cancelled;
        }

        boolean onRound(RoundResult round) {
            evaluations = evaluationsBeforeRound = round.cumulativeEvaluations();
            if (cancelled) {
                return false;
            }
            if (schedule.restarts()) {
                lastLoss = termsAt(round.value(), true);
                emit(true);
                iteration++;
            } else {
                // The run is over: close its last slice unless a step already did.
                lastLoss = termsAt(round.value(), true);
                emit(true);
            }
            return !cancelled;
        }

        private void emit(boolean iterationEnd) {
            NDArray x = latest;
            Progress p = new Progress(Math.min(iteration, schedule.iterations()), schedule.iterations(), steps,
                    evaluations, schedule.budget(), lastLoss, seconds(), iterationEnd, height, width,
                    evaluations == 0 ? Double.NaN
                            : seconds() / evaluations * Math.max(0, schedule.budget() - evaluations),
                    () -> Tensors.toHwc(x, height, width));
            if (!listener.onProgress(p)) {
                cancelled = true;
            }
        }

        private void keep(NDArray x) {
            NDArray copy = x.duplicate();
            copy.attach(manager);
            latest.close();
            latest = copy;
        }

        /**
         * The loss terms at the latest point: those of the latest evaluation when it was made there (always, for an
         * accepted step), else evaluated anew when they are needed, else unknown (NaN).
         */
        private LossValues termsAt(double value, boolean needed) {
            LossValues last = objective.lastValues();
            if (last != null && last.total() == value) {
                return last;
            }
            return needed ? objective.values(latest) : new LossValues(value, Double.NaN, Double.NaN, Double.NaN);
        }
    }
}
