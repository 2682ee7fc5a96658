package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.loss.Gram;
import dev.atelier.network.FeatureNetwork;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Computes the fixed targets of a run once: activations of the content image, Gram matrices of the style. */
final class Targets {

    private Targets() {}

    /** Activations of {@code image} at {@code layers}, kept in {@code manager}; intermediates are freed. */
    static Map<String, NDArray> activations(FeatureNetwork network, NDManager manager, NDArray image, Set<String> layers) {
        return capture(network, manager, image, layers, false);
    }

    static Map<String, NDArray> grams(FeatureNetwork network, NDManager manager, NDArray image, Set<String> layers) {
        return capture(network, manager, image, layers, true);
    }

    private static Map<String, NDArray> capture(FeatureNetwork network, NDManager manager, NDArray image,
                                                Set<String> layers, boolean gram) {
        Map<String, NDArray> out = new HashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            image.tempAttach(scope);
            for (Map.Entry<String, NDArray> e : network.features(image, layers).entrySet()) {
                NDArray target = gram ? Gram.of(e.getValue()) : e.getValue();
                target.attach(manager);
                out.put(e.getKey(), target);
            }
        }
        return out;
    }
}
