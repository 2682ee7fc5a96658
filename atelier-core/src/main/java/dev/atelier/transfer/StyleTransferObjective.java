package dev.atelier.transfer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.atelier.loss.LossTerm;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.optimize.Objective;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The style transfer loss as a function of the image's pixels: the optimiser's vector is the preprocessed
 * image flattened in 1×3×H×W order (float64); the network runs in float32, like the reference, and the gradient
 * is returned in float32.
 */
public final class StyleTransferObjective implements Objective {

    private final FeatureNetwork network;
    private final List<LossTerm> terms;
    private final Set<String> layers = new LinkedHashSet<>();
    private final int height;
    private final int width;
    private LossValues lastValues;

    public StyleTransferObjective(FeatureNetwork network, List<LossTerm> terms, int height, int width) {
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
            NDArray image = leaf(x, scope);
            // A fresh leaf each time: PyTorch accumulates gradients into a leaf that is reused.
            image.setRequiresGradient(true);
            NDArray gradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Terms terms;
                // The forward pass's handles are released before the backward pass, so that, as in PyTorch
                // itself, each activation is freed as soon as the backward pass has used it.
                try (NDManager forward = scope.newSubManager()) {
                    NDArray input = image.reshape(image.getShape());
                    input.attach(forward);
                    terms = terms(input).keepIn(scope);
                }
                collector.backward(terms.sum);
                lastValues = terms.values();
                // Left in float32, the network's precision: widening it is exact, and the optimiser keeps it smaller.
                gradient = image.getGradient().reshape(x.getShape());
            }
            gradient.attach(x.getManager());
            return new Evaluation(lastValues.total(), gradient);
        }
    }

    /** The loss terms at {@code x} without a gradient. */
    public LossValues values(NDArray x) {
        try (NDManager scope = x.getManager().newSubManager()) {
            return terms(leaf(x, scope)).values();
        }
    }

    /** The network's float32 input for the optimiser's point {@code x}, in {@code scope}. */
    private NDArray leaf(NDArray x, NDManager scope) {
        NDArray image = x.toType(DataType.FLOAT32, true);
        image.attach(scope);
        return image.reshape(1, 3, height, width);
    }

    /**
     * Each term's parts are taken as the forward pass makes their layers. PyTorch's backward pass runs the most
     * recently made operations first, so a shallow layer's loss gradient is then made only when the backward pass
     * reaches that layer; taken after the whole forward pass, every layer's would be made at the start and held
     * (measured at 512², live memory: peak 1130 MB before, 937 MB after).
     */
    private Terms terms(NDArray image) {
        NDArray[] values = new NDArray[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            values[i] = terms.get(i).imagePart(image);
        }
        network.forward(image, layers, (layer, activation) -> {
            for (int i = 0; i < terms.size(); i++) {
                LossTerm term = terms.get(i);
                if (term.layers().contains(layer)) {
                    NDArray part = term.layerPart(layer, activation, image.getShape());
                    values[i] = values[i] == null ? part : values[i].add(part);
                }
            }
        });
        List<NDArray> parts = new ArrayList<>();
        NDArray sum = null;
        for (NDArray value : values) {
            parts.add(value);
            sum = sum == null ? value : sum.add(value);
        }
        return new Terms(parts, sum);
    }

    /** Each term's scalar and their sum, in the order of {@link #terms}. */
    private final class Terms {
        final List<NDArray> parts;
        final NDArray sum;

        Terms(List<NDArray> parts, NDArray sum) {
            this.parts = parts;
            this.sum = sum;
        }

        /** Moves the scalars to {@code manager}, out of the scope of the pass that made them. */
        Terms keepIn(NDManager manager) {
            parts.forEach(p -> p.attach(manager));
            sum.attach(manager);
            return this;
        }

        LossValues values() {
            Map<String, Double> byName = new HashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                byName.merge(terms.get(i).name(), (double) parts.get(i).getFloat(), Double::sum);
            }
            return new LossValues(sum.getFloat(), byName.getOrDefault("content", 0.0),
                    byName.getOrDefault("style", 0.0), byName.getOrDefault("tv", 0.0));
        }
    }
}
