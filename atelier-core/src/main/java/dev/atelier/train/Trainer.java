package dev.atelier.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.atelier.weights.FloatTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a feed-forward style network step by step as pytorch/examples does: for each batch, forward, the loss of
 * {@link TrainingLoss}, backward, one Adam step. The parameters live in a manager of the trainer's own; each step's
 * tensors in a sub-manager closed when the step ends, with fresh leaves (PyTorch accumulates into reused ones).
 */
public final class Trainer implements AutoCloseable {

    private final TrainableNetwork network;
    private final TrainingLoss loss;
    private final TrainingImages images;
    private final int batch;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final ParameterAdam adam;
    private final BatchPrefetcher batches;

    /**
     * @param initial every parameter's starting value, by the network's names and shapes
     */
    public Trainer(TrainableNetwork network, Map<String, FloatTensor> initial, TrainingLoss loss,
                   TrainingImages images, int batch, double learningRate, NDManager parent) {
        this.network = network;
        this.loss = loss;
        this.images = images;
        this.batch = batch;
        this.manager = parent.newSubManager();
        network.parameterShapes().forEach((name, shape) -> {
            FloatTensor t = initial.get(name);
            if (t == null || !java.util.Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("parameter " + name + " is missing or has the wrong shape");
            }
            parameters.put(name, manager.create(t.values(), new Shape(shape)));
        });
        this.adam = new ParameterAdam(learningRate, parameters, manager);
        this.batches = new BatchPrefetcher(images, batch);
    }

    /** The run ends after {@code steps} steps: no photos beyond them are loaded ahead. */
    public void plannedSteps(long steps) {
        batches.lastStep(steps - 1);
    }

    /** Steps taken so far (restored ones included). */
    public long stepsDone() {
        return adam.step();
    }

    public ParameterAdam optimiser() {
        return adam;
    }

    public TrainableNetwork network() {
        return network;
    }

    /** The next step: the batch of step {@link #stepsDone()}; returns its loss terms (before the update). */
    public LossValues step() {
        float[] batchPixels = batches.batch(adam.step());
        try (NDManager scope = manager.newSubManager();
             TrainableNetwork.Instance instance = network.instance(parameters)) {
            NDArray x = scope.create(batchPixels, new Shape(batch, 3, images.size(), images.size()));
            LossValues values;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = instance.forward(x);
                TrainingLoss.Terms terms = loss.terms(y, x);
                collector.backward(terms.total());
                values = terms.values();
            }
            Map<String, NDArray> gradients = new LinkedHashMap<>();
            instance.parameters().forEach((name, leaf) -> gradients.put(name, leaf.getGradient()));
            adam.update(parameters, gradients);
            return values;
        }
    }

    /**
     * The network's raw output for one image {@code x} ({@code 3×H×W} RGB 0..255, sides multiples of 4) with the
     * current parameters, no gradient.
     */
    public float[] apply(float[] x, int height, int width) {
        try (NDManager scope = manager.newSubManager();
             TrainableNetwork.Instance instance = network.instance(parameters)) {
            return instance.forward(scope.create(x, new Shape(1, 3, height, width))).toFloatArray();
        }
    }

    /** The current parameters, copied to Java. */
    public Map<String, FloatTensor> parameters() {
        return toJava(parameters);
    }

    static Map<String, FloatTensor> toJava(Map<String, NDArray> arrays) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> out.put(name, new FloatTensor(a.getShape().getShape(), a.toFloatArray())));
        return out;
    }

    /** Sets the parameters and the optimiser's state from a checkpoint. */
    public void restore(Map<String, FloatTensor> params, long steps, Map<String, float[]> avg,
                        Map<String, float[]> avgSq) {
        parameters.forEach((name, p) -> p.set(params.get(name).values()));
        adam.restore(steps, avg, avgSq);
    }

    @Override
    public void close() {
        batches.close();
        manager.close();
    }
}
