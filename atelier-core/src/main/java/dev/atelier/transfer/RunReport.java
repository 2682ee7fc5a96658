package dev.atelier.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the per-iteration history of a run from its progress stream, for the {@code --report} JSON. */
public final class RunReport implements Consumer<Progress> {

    /** One outer iteration's end. */
    public record Entry(int iteration, int evaluations, double loss, double content, double style, double tv,
                        double seconds) {}

    /** One accepted step: the loss curve at full resolution. */
    public record Step(int step, int evaluations, double loss, double seconds, int height, int width) {}

    private final List<Entry> history = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private Progress last;
    private double launchToOptimisation = Double.NaN;

    @Override
    public void accept(Progress p) {
        if (last == null) {
            launchToOptimisation = ProcessAge.seconds() - p.seconds();
        }
        last = p;
        Step step = new Step(p.step(), p.evaluations(), p.loss().total(), p.seconds(), p.height(), p.width());
        // An iteration's end can repeat the step just reported: one entry per point.
        if (!steps.isEmpty() && steps.get(steps.size() - 1).evaluations() == step.evaluations()) {
            steps.remove(steps.size() - 1);
        }
        steps.add(step);
        if (p.iterationEnd()) {
            LossValues l = p.loss();
            // A continuous run can close its last slice and then end a few evaluations later: keep the latest.
            if (!history.isEmpty() && history.get(history.size() - 1).iteration() == p.iteration()) {
                history.remove(history.size() - 1);
            }
            history.add(new Entry(p.iteration(), p.evaluations(), l.total(), l.content(), l.style(), l.tv(),
                    p.seconds()));
        }
    }

    public List<Entry> history() {
        return List.copyOf(history);
    }

    /**
     * Seconds from the launch of this process to the start of the optimisation (JVM start-up, engine, weights,
     * images and targets), NaN before the first step or where the OS does not tell a process's start.
     */
    public double launchToOptimisationSeconds() {
        return launchToOptimisation;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public double finalLoss() {
        return last == null ? Double.NaN : last.loss().total();
    }

    public int evaluations() {
        return last == null ? 0 : last.evaluations();
    }

    public double seconds() {
        return last == null ? 0 : last.seconds();
    }
}
