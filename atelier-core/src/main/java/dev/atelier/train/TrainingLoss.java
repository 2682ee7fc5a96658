package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.atelier.loss.Scalars;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The loss of pytorch/examples' fast_neural_style training for a batch: with {@code y = T(x)},
 * content = cw·Σ mean((F_y − F_x)²) over the content layers; style = sw·Σ mean((G(F_y) − G(F_s))²) over the style
 * layers, the style's Gram matrices made once and broadcast over the batch; tv = tvw·(Σ squared vertical and
 * horizontal differences of y)/B.
 */
public final class TrainingLoss implements AutoCloseable {

    private static final NDIndex DOWN_FROM = new NDIndex(":, :, 1:, :");
    private static final NDIndex DOWN_TO = new NDIndex(":, :, :-1, :");
    private static final NDIndex RIGHT_FROM = new NDIndex(":, :, :, 1:");
    private static final NDIndex RIGHT_TO = new NDIndex(":, :, :, :-1");

    /** The weighted terms of one batch, as scalars in the autograd graph. */
    public record Terms(NDArray content, NDArray style, NDArray tv, NDArray total) {
        public LossValues values() {
            return new LossValues(total.getFloat(), content.getFloat(), style.getFloat(), tv.getFloat());
        }
    }

    private final LossNetwork network;
    private final LossSettings settings;
    private final NDManager manager;
    private final Map<String, NDArray> styleGrams = new HashMap<>();
    private final Set<String> contentLayers;
    private final Set<String> allLayers;

    /**
     * @param style the style image, {@code 1×3×H×W} RGB 0..255; its Gram matrices are kept in a manager of this
     *              loss's own, made under {@code parent}
     */
    public TrainingLoss(LossNetwork network, LossSettings settings, NDArray style, NDManager parent) {
        this.network = network;
        this.settings = settings;
        this.manager = parent.newSubManager();
        this.contentLayers = new LinkedHashSet<>(settings.contentLayers());
        this.allLayers = new LinkedHashSet<>(settings.contentLayers());
        allLayers.addAll(settings.styleLayers());
        try (NDManager scope = style.getManager().newSubManager()) {
            NDArray input = style.duplicate();
            input.attach(scope);
            network.forward(input, new LinkedHashSet<>(settings.styleLayers()), (layer, f) -> {
                NDArray g = BatchGram.of(f);
                g.attach(manager);
                styleGrams.put(layer, g);
            });
        }
    }

    public LossSettings settings() {
        return settings;
    }

    /**
     * The terms for the batch {@code x} and the network's output {@code y} (both {@code B×3×H×W}, RGB 0..255).
     * Results attach to {@code y}'s manager.
     */
    public Terms terms(NDArray y, NDArray x) {
        Map<String, NDArray> target = new HashMap<>();
        if (!contentLayers.isEmpty()) {
            network.forward(x, contentLayers, target::put);
        }
        NDArray[] content = {null};
        NDArray[] style = {null};
        network.forward(y, allLayers, (layer, f) -> {
            if (contentLayers.contains(layer)) {
                content[0] = plus(content[0], f.sub(target.get(layer)).square().mean());
            }
            NDArray gram = styleGrams.get(layer);
            if (gram != null) {
                style[0] = plus(style[0], BatchGram.of(f).sub(gram).square().mean());
            }
        });
        NDManager m = y.getManager();
        NDArray c = content[0] == null ? m.zeros(new ai.djl.ndarray.types.Shape()) : Scalars.times(content[0],
                settings.contentWeight());
        NDArray s = style[0] == null ? m.zeros(new ai.djl.ndarray.types.Shape()) : Scalars.times(style[0],
                settings.styleWeight());
        NDArray tv;
        if (settings.tvWeight() == 0) {
            tv = m.zeros(new ai.djl.ndarray.types.Shape());
        } else {
            NDArray down = y.get(DOWN_FROM).sub(y.get(DOWN_TO)).square().sum();
            NDArray right = y.get(RIGHT_FROM).sub(y.get(RIGHT_TO)).square().sum();
            tv = Scalars.times(down.add(right), settings.tvWeight() / y.getShape().get(0));
        }
        return new Terms(c, s, tv, c.add(s).add(tv));
    }

    private static NDArray plus(NDArray sum, NDArray part) {
        return sum == null ? part : sum.add(part);
    }

    @Override
    public void close() {
        manager.close();
    }
}
