package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma and Ba, 2015) on NDArrays: one evaluation per step. Cheaper per step than L-BFGS and steadier on
 * large images, but it needs many more steps to reach the same loss.
 */
public final class Adam {

    /** @param learningRate step size in preprocessed pixel units (neural-style's default is 10) */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon, int maxEvaluations) {

        public Settings {
            if (!(learningRate > 0) || maxEvaluations < 1) {
                throw new IllegalArgumentException("Adam needs a positive learning rate and evaluation budget");
            }
        }

        public static Settings of(double learningRate, int maxEvaluations) {
            return new Settings(learningRate, 0.9, 0.999, 1e-8, maxEvaluations);
        }
    }

    private final Settings settings;

    public Adam(Settings settings) {
        this.settings = settings;
    }

    /**
     * Minimises from {@code x0} (flat float64, left unchanged). The listener hears of each evaluated point; the
     * result is the last evaluated point and its value.
     */
    public MinimizeResult minimize(Objective objective, NDArray x0, IterateListener listener) {
        Vectors.requireFlatFloat64(x0, "x0");
        NDManager caller = x0.getManager();
        try (NDManager run = caller.newSubManager()) {
            NDArray x = x0.duplicate();
            x.attach(run);
            NDArray m = x.zerosLike();
            NDArray v = x.zerosLike();
            double value = Double.NaN;
            int step = 0;
            StopReason stop = StopReason.EVALUATION_LIMIT;
            while (step < settings.maxEvaluations()) {
                step++;
                Objective.Evaluation e = objective.evaluate(x);
                value = e.value();
                if (!listener.onIterate(new Iterate(step, step, value, x))) {
                    e.gradient().close();
                    stop = StopReason.STOPPED_BY_LISTENER;
                    break;
                }
                if (step == settings.maxEvaluations()) {
                    e.gradient().close();
                    break;
                }
                try (NDManager scope = run.newSubManager()) {
                    NDArray g = Vectors.widened(e.gradient());
                    g.attach(scope);
                    e.gradient().close();
                    m.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));
                    v.muli(settings.beta2()).addi(g.square().muli(1 - settings.beta2()));
                    double mScale = 1 / (1 - Math.pow(settings.beta1(), step));
                    double vScale = 1 / (1 - Math.pow(settings.beta2(), step));
                    NDArray update = m.mul(mScale).divi(v.mul(vScale).sqrt().addi(settings.epsilon()));
                    x.subi(update.muli(settings.learningRate()));
                }
            }
            NDArray result = x.duplicate();
            result.attach(caller);
            return new MinimizeResult(result, value, step, step, stop);
        }
    }
}
