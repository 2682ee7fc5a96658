package dev.atelier.transfer;

import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.LayerNames;
import dev.atelier.network.VggArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Parses {@code block1_conv1:0.5,relu2_1,conv3_1:2} into canonical layer names with weights (default 1). */
public final class LayerWeights {

    private LayerWeights() {}

    public static Map<String, Double> parse(String spec, VggArchitecture architecture) {
        return parse(spec, name -> LayerNames.canonical(name, architecture));
    }

    /** As {@link #parse(String, VggArchitecture)}, with names checked against {@code network}'s own layers. */
    public static Map<String, Double> parse(String spec, FeatureNetwork network) {
        return parse(spec, network::canonical);
    }

    /** @param canonical the network's own name for a name the user wrote; throws for an unknown one */
    public static Map<String, Double> parse(String spec, UnaryOperator<String> canonical) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] nameAndWeight = part.split(":", -1);
            if (nameAndWeight.length > 2) {
                throw new IllegalArgumentException("bad layer entry '" + part + "': expected NAME or NAME:WEIGHT");
            }
            String layer = canonical.apply(nameAndWeight[0]);
            double weight = 1.0;
            if (nameAndWeight.length == 2) {
                try {
                    weight = Double.parseDouble(nameAndWeight[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad weight in '" + part + "': not a number");
                }
                if (!(weight >= 0) || Double.isInfinite(weight)) {
                    throw new IllegalArgumentException("bad weight in '" + part + "': must be a finite number >= 0");
                }
            }
            if (out.put(layer, weight) != null) {
                throw new IllegalArgumentException("layer " + layer + " is listed twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no layers given");
        }
        return out;
    }

    /** Equal weights for the given canonical layers. */
    public static Map<String, Double> equal(List<String> layers, double each) {
        Map<String, Double> out = new LinkedHashMap<>();
        layers.forEach(l -> out.put(l, each));
        return out;
    }
}
