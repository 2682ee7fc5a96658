package dev.atelier.transfer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.atelier.loss.LossTerm;
import dev.atelier.network.VggNetwork;
import dev.atelier.optimize.Objective;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The style transfer loss as a function of the image's pixels: the optimiser's vector is the preprocessed
 * image flattened in 1×3×H×W order (float64); the network runs in float32, like the reference.
 */
public final class StyleTransferObjective implements Objective {

    private final VggNetwork network;
    private final List<LossTerm> terms;
    private final Set<String> layers = new LinkedHashSet<>();
    private final int height;
    private final int width;
    private LossValues lastValues;

    public StyleTransferObjective(VggNetwork network, List<LossTerm> terms, int height, int width) {
        this.network = network;
        this.terms = List.copyOf(terms);
        this.height = height;
        this.width = width;
        for (LossTerm term : terms) {
            layers.addAll(term.layers());
        }
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The loss terms of the most recent evaluation. */
    public LossValues lastValues() {
        return lastValues;
    }

    @Override
    public Evaluation evaluate(NDArray x) {
        // Everything this evaluation makes lives in this scope; only the gradient leaves it.
        try (NDManager scope = x.getManager().newSubManager()) {
            // A fresh leaf each time: PyTorch accumulates gradients into a leaf that is reused.
            NDArray image = x.toType(DataType.FLOAT32, true);
            image.attach(scope);
            image = image.reshape(1, 3, height, width);
            image.setRequiresGradient(true);
            Map<String, Double> values = new HashMap<>();
            NDArray gradient;
            double total;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Map<String, NDArray> features = network.features(image, layers);
                NDArray sum = null;
                List<NDArray> parts = new java.util.ArrayList<>();
                for (LossTerm term : terms) {
                    NDArray value = term.compute(image, features);
                    parts.add(value);
                    sum = sum == null ? value : sum.add(value);
                }
                collector.backward(sum);
                total = sum.getFloat();
                for (int i = 0; i < terms.size(); i++) {
                    values.merge(terms.get(i).name(), (double) parts.get(i).getFloat(), Double::sum);
                }
                gradient = image.getGradient().toType(DataType.FLOAT64, true).reshape(x.getShape());
            }
            gradient.attach(x.getManager());
            lastValues = new LossValues(total, values.getOrDefault("content", 0.0), values.getOrDefault("style", 0.0),
                    values.getOrDefault("tv", 0.0));
            return new Evaluation(total, gradient);
        }
    }

    /** The loss terms at {@code x} without a gradient. */
    public LossValues values(NDArray x) {
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray image = x.toType(DataType.FLOAT32, true);
            image.attach(scope);
            image = image.reshape(1, 3, height, width);
            Map<String, NDArray> features = network.features(image, layers);
            Map<String, Double> values = new HashMap<>();
            double total = 0;
            for (LossTerm term : terms) {
                double v = term.compute(image, features).getFloat();
                values.merge(term.name(), v, Double::sum);
                total += v;
            }
            return new LossValues(total, values.getOrDefault("content", 0.0), values.getOrDefault("style", 0.0),
                    values.getOrDefault("tv", 0.0));
        }
    }
}
