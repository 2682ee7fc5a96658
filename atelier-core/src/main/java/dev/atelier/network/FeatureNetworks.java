package dev.atelier.network;

import ai.djl.ndarray.NDManager;
import dev.atelier.weights.DarknetWeights;
import dev.atelier.weights.VggWeights;

/** Puts weights of any family on the device as their network. */
public final class FeatureNetworks {

    private FeatureNetworks() {}

    /** The network of {@code weights}, its parameters in {@code manager} (max pooling for VGG). */
    public static FeatureNetwork upload(FeatureWeights weights, NDManager manager) {
        if (weights instanceof VggWeights vgg) {
            return new VggNetwork(vgg, manager, Pooling.MAX);
        }
        if (weights instanceof DarknetWeights darknet) {
            return new DarknetNetwork(darknet, manager);
        }
        throw new IllegalArgumentException("no network for " + weights.family());
    }
}
