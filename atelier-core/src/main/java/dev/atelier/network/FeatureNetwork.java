package dev.atelier.network;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A network whose activations feed the losses: named layers, an input convention applied as its first
 * differentiable operation (the image it takes is always in Caffe space, {@code B×3×H×W}: BGR 0..255 minus the
 * ImageNet mean), and a forward pass that hands over each wanted layer as soon as it is made.
 */
public interface FeatureNetwork {

    NetworkFamily family();

    /** Every layer a loss can read, in forward order. */
    List<FeatureLayer> layers();

    /** The network's own name for {@code name} (an alias, or other case); an error listing the layers if none. */
    String canonical(String name);

    default FeatureLayer layer(String name) {
        return layers().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown layer '" + name + "' for " + family()));
    }

    default boolean hasLayer(String name) {
        return layers().stream().anyMatch(l -> l.name().equals(name));
    }

    /**
     * Runs the network as deep as the deepest wanted layer, handing each wanted layer's activation to
     * {@code onLayer} as soon as it is made, before the network goes deeper. Results attach to the image's manager.
     */
    void forward(NDArray image, Set<String> wanted, BiConsumer<String, NDArray> onLayer);

    default Map<String, NDArray> features(NDArray image, Set<String> wanted) {
        Map<String, NDArray> out = new HashMap<>();
        forward(image, wanted, out::put);
        return out;
    }

    /** Whether its pools round odd sides up (Keras' 'same' padding) rather than down. */
    default boolean poolsRoundUp() {
        return false;
    }

    /** The smallest image side (pixels) whose activations at {@code layers} are at least one pixel. */
    int minimumSide(Set<String> layers);

    /** Multipliers of the content, style and TV weights that keep a preset's balance on this network's input. */
    default TermScales termScales() {
        return TermScales.NONE;
    }

    /** This network with other pooling; an error for a family that has only one kind. */
    default FeatureNetwork withPooling(Pooling pooling) {
        if (pooling != Pooling.MAX) {
            throw new IllegalArgumentException("--pooling " + pooling.name().toLowerCase(java.util.Locale.ROOT)
                    + " is not possible on " + family() + ": it was trained with max pooling only");
        }
        return this;
    }

    /** @see #termScales() */
    record TermScales(double content, double style, double tv) {
        public static final TermScales NONE = new TermScales(1, 1, 1);
    }
}
