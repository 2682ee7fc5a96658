package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.image.CaffeImage;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggNetwork;
import dev.atelier.optimize.Iterate;
import dev.atelier.optimize.Objective;
import dev.atelier.optimize.Lbfgs;
import dev.atelier.optimize.LbfgsResult;
import dev.atelier.optimize.LbfgsSettings;
import dev.atelier.optimize.StopReason;
import dev.atelier.weights.VggWeights;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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

    private final VggWeights weights;
    private final Pooling pooling;

    public Stylizer(VggWeights weights, Pooling pooling) {
        this.weights = weights;
        this.pooling = pooling;
    }

    public Result run(CaffeImage content, CaffeImage style, Init init, LossSpec spec, Schedule schedule,
                      ProgressListener listener) {
        return run(content, style, init, spec, schedule, listener, () -> false);
    }

    /**
     * As {@link #run(CaffeImage, CaffeImage, Init, LossSpec, Schedule, ProgressListener)}, and also stops within
     * one evaluation once {@code cancelRequested} says so (checked before every evaluation), returning the last
     * accepted image.
     */
    public Result run(CaffeImage content, CaffeImage style, Init init, LossSpec spec, Schedule schedule,
                      ProgressListener listener, BooleanSupplier cancelRequested) {
        int h = content.height();
        int w = content.width();
        try (NDManager run = NDManager.newBaseManager()) {
            VggNetwork network = new VggNetwork(weights, run, pooling);
            StyleTransferObjective objective = ObjectiveBuilder.build(network, run, spec, content.data(), h, w,
                    style.data(), style.height(), style.width());
            NDArray x = Tensors.fromHwc(run, init.pixels(content, style), h, w).reshape(-1);
            RunState state = new RunState(run, schedule, objective, listener, cancelRequested, h, w);
            if (schedule.restartEachIteration()) {
                for (int i = 1; i <= schedule.iterations() && !state.cancelled; i++) {
                    state.iteration = i;
                    state.lastWasIterationEnd = false;
                    x = state.round(x, schedule.evaluationsPerIteration(), schedule.history());
                }
            } else {
                x = state.round(x, schedule.budget(), schedule.history());
            }
            LossValues finalLoss = state.lastLoss != null ? state.lastLoss : objective.values(x);
            CaffeImage image = new CaffeImage(h, w, Tensors.toHwc(x, h, w));
            return new Result(image, finalLoss, state.evaluations, state.seconds(), state.stopReason);
        }
    }

    /** Book-keeping shared by the rounds of one run: counters across rounds, and the progress it emits. */
    private static final class RunState {
        private final NDManager runManager;
        private final Schedule schedule;
        private final StyleTransferObjective objective;
        private final ProgressListener listener;
        private final Objective cancellable;
        private final int height;
        private final int width;
        private final long start = System.nanoTime();
        int iteration = 1;
        int evaluations;
        int steps;
        boolean cancelled;
        boolean lastWasIterationEnd;
        StopReason stopReason;
        NDArray lastAccepted;
        LossValues lastLoss;

        RunState(NDManager runManager, Schedule schedule, StyleTransferObjective objective,
                 ProgressListener listener, BooleanSupplier cancelRequested, int height, int width) {
            this.runManager = runManager;
            this.schedule = schedule;
            this.objective = objective;
            this.listener = listener;
            this.cancellable = x -> {
                if (cancelRequested.getAsBoolean()) {
                    throw new CancellationException();
                }
                return objective.evaluate(x);
            };
            this.height = height;
            this.width = width;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        /** One L-BFGS run from {@code x} with a fresh memory; returns the new point and closes the old one. */
        NDArray round(NDArray x, int maxEvaluations, int history) {
            int before = evaluations;
            LbfgsSettings settings = LbfgsSettings.defaults().withHistory(history).withMaxEvaluations(maxEvaluations);
            LbfgsResult result;
            try {
                result = new Lbfgs(settings).minimize(cancellable, x, it -> onStep(it, before));
            } catch (CancellationException e) {
                cancelled = true;
                stopReason = StopReason.STOPPED_BY_LISTENER;
                if (lastAccepted == null) {
                    return x;
                }
                x.close();
                NDArray latest = lastAccepted;
                lastAccepted = null;
                return latest;
            }
            evaluations = before + result.evaluations();
            stopReason = cancelled ? StopReason.STOPPED_BY_LISTENER : result.stopReason();
            x.close();
            closeLastAccepted();
            if (!lastWasIterationEnd && !cancelled) {
                emit(result.x(), result.value(), true);
            }
            return result.x();
        }

        /** Keeps a copy of the latest accepted point: a run cancelled mid-line-search returns it. */
        private void keep(NDArray x) {
            closeLastAccepted();
            lastAccepted = x.duplicate();
            lastAccepted.attach(runManager);
        }

        private void closeLastAccepted() {
            if (lastAccepted != null) {
                lastAccepted.close();
                lastAccepted = null;
            }
        }

        private boolean onStep(Iterate it, int before) {
            steps++;
            evaluations = before + it.evaluations();
            keep(it.x());
            // A continuous run reports where the reference's rounds would end, so that the two compare.
            boolean sliceEnd = !schedule.restartEachIteration()
                    && evaluations >= iteration * schedule.evaluationsPerIteration();
            boolean keepGoing = emit(it.x(), it.value(), sliceEnd);
            if (sliceEnd && iteration < schedule.iterations()) {
                iteration++;
            }
            return keepGoing;
        }

        private boolean emit(NDArray x, double value, boolean iterationEnd) {
            lastLoss = valuesAt(value, x, iterationEnd);
            lastWasIterationEnd = iterationEnd;
            Progress p = new Progress(iteration, schedule.iterations(), steps, evaluations, schedule.budget(),
                    lastLoss, seconds(), iterationEnd, height, width, () -> Tensors.toHwc(x, height, width));
            if (!listener.onProgress(p)) {
                cancelled = true;
            }
            return !cancelled;
        }

        /**
         * The loss terms at {@code x}: those of the latest evaluation when it was made there (always, for an
         * accepted step), else evaluated anew for an outer iteration's end, else unknown (NaN).
         */
        private LossValues valuesAt(double value, NDArray x, boolean needTerms) {
            LossValues last = objective.lastValues();
            if (last != null && last.total() == value) {
                return last;
            }
            return needTerms ? objective.values(x) : new LossValues(value, Double.NaN, Double.NaN, Double.NaN);
        }
    }
}
