package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam over named parameters, step for step as {@code torch.optim.Adam} (single-tensor form, no weight decay,
 * not amsgrad): {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code p ← p − (lr/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε)}, the scalars in double as torch computes them.
 * Its state (the step count and both moments per parameter) can be saved and restored, for checkpoints.
 */
public final class ParameterAdam implements AutoCloseable {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final double learningRate;
    private final NDManager manager;
    private final Map<String, NDArray> expAvg = new LinkedHashMap<>();
    private final Map<String, NDArray> expAvgSq = new LinkedHashMap<>();
    private long step;

    public ParameterAdam(double learningRate, Map<String, NDArray> parameters, NDManager parent) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.manager = parent.newSubManager();
        parameters.forEach((name, p) -> {
            expAvg.put(name, manager.zeros(p.getShape(), p.getDataType()));
            expAvgSq.put(name, manager.zeros(p.getShape(), p.getDataType()));
        });
    }

    /** Steps taken so far. */
    public long step() {
        return step;
    }

    /** First moments by parameter name (live: for saving). */
    public Map<String, NDArray> expAvg() {
        return expAvg;
    }

    /** Second moments by parameter name (live: for saving). */
    public Map<String, NDArray> expAvgSq() {
        return expAvgSq;
    }

    /** Restores a saved state: the step count and both moments (copied into this optimiser's arrays). */
    public void restore(long steps, Map<String, float[]> avg, Map<String, float[]> avgSq) {
        this.step = steps;
        expAvg.forEach((name, m) -> m.set(avg.get(name)));
        expAvgSq.forEach((name, v) -> v.set(avgSq.get(name)));
    }

    /** Updates every parameter in place from its gradient (gradients by the same names). */
    public void update(Map<String, NDArray> parameters, Map<String, NDArray> gradients) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2Sqrt = Math.sqrt(1 - Math.pow(BETA2, step));
        double stepSize = learningRate / correction1;
        // One scope for the whole update: the step's constants are made once (as DJL makes a Number operand: a
        // 0-d float64 tensor), every temporary is moved into it (results attach to their first operand's manager).
        try (NDManager scope = manager.newSubManager()) {
            NDArray beta1 = scope.create(BETA1);
            NDArray oneMinusBeta1 = scope.create(1 - BETA1);
            NDArray beta2 = scope.create(BETA2);
            NDArray oneMinusBeta2 = scope.create(1 - BETA2);
            NDArray correction2 = scope.create(correction2Sqrt);
            NDArray epsilon = scope.create(EPSILON);
            NDArray size = scope.create(stepSize);
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                String name = e.getKey();
                NDArray g = gradients.get(name);
                NDArray m = expAvg.get(name);
                NDArray v = expAvgSq.get(name);
                m.muli(beta1).addi(inScope(g.mul(oneMinusBeta1), scope));
                v.muli(beta2).addi(inScope(g.mul(g), scope).muli(oneMinusBeta2));
                NDArray denominator = inScope(v.sqrt(), scope).divi(correction2).addi(epsilon);
                e.getValue().subi(inScope(m.div(denominator), scope).muli(size));
            }
        }
    }

    private static NDArray inScope(NDArray array, NDManager scope) {
        array.attach(scope);
        return array;
    }

    @Override
    public void close() {
        manager.close();
    }
}
