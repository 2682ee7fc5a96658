package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.util.List;

/**
 * The convolution parameters of a VGG feature stack, in network order, with the architecture they form.
 * Channel counts are whatever the file holds; only the block structure identifies the architecture.
 */
public record VggWeights(VggArchitecture architecture, List<ConvWeights> layers, String source) {

    public VggWeights {
        layers = List.copyOf(layers);
    }

    public ConvWeights layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + name + " in " + source));
    }
}
