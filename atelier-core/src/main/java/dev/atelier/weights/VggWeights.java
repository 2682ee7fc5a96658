package dev.atelier.weights;

import dev.atelier.network.FeatureWeights;
import dev.atelier.network.NetworkFamily;
import dev.atelier.network.VggArchitecture;
import java.util.List;

/**
 * The convolution parameters of a VGG feature stack, in network order, with the architecture they form and the
 * input convention they were trained with. Channel counts are whatever the file holds; only the block structure
 * identifies the architecture.
 */
public record VggWeights(VggArchitecture architecture, List<ConvWeights> layers, String source,
                         InputConvention inputConvention) implements FeatureWeights {

    public VggWeights {
        layers = List.copyOf(layers);
        if (inputConvention == null) {
            throw new IllegalArgumentException("no input convention for " + source);
        }
    }

    /** Weights that take Caffe-space input (Keras' files and anything converted from Caffe). */
    public VggWeights(VggArchitecture architecture, List<ConvWeights> layers, String source) {
        this(architecture, layers, source, InputConvention.CAFFE_BGR);
    }

    @Override
    public NetworkFamily family() {
        return NetworkFamily.of(architecture);
    }

    public ConvWeights layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + name + " in " + source));
    }
}
