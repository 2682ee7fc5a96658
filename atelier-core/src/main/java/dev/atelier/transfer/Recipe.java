package dev.atelier.transfer;

import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.NetworkFamily;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggArchitecture;
import dev.atelier.weights.InputConvention;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A preset with the user's overrides; every override is optional ({@code null}: the preset's). Resolves to what
 * a run needs: the loss, the schedule and the pooling, for the network the weights hold.
 */
public record Recipe(Preset preset, Double contentWeight, Double styleWeight, Double tvWeight,
                     Map<String, Double> contentLayers, Map<String, Double> styleLayers, Pooling pooling,
                     Schedule schedule, double strength) {

    public static Recipe of(Preset preset) {
        return new Recipe(preset, null, null, null, null, null, null, null, Strength.FULL);
    }

    /** The loss for Keras/Caffe-convention weights of {@code network}. */
    public LossSpec lossSpec(VggArchitecture network) {
        return lossSpec(network, InputConvention.CAFFE_BGR);
    }

    /** The loss for VGG weights of {@code network} taking input in {@code convention}. */
    public LossSpec lossSpec(VggArchitecture network, InputConvention convention) {
        return lossSpec(NetworkFamily.of(network), network.layerNames()::contains, new FeatureNetwork.TermScales(
                convention.contentWeightScale(), convention.styleWeightScale(), convention.tvWeightScale()));
    }

    /**
     * The loss on {@code network}: the preset's layers for its family (or the user's), and the term weights (the
     * preset's or the user's alike) scaled so that every input convention keeps the preset's balance of content,
     * style and TV.
     */
    public LossSpec lossSpec(FeatureNetwork network) {
        return lossSpec(network.family(), network::hasLayer, network.termScales());
    }

    private LossSpec lossSpec(NetworkFamily family, Predicate<String> exists, FeatureNetwork.TermScales scales) {
        double factor = Strength.factor(strength);
        double content = (contentWeight != null ? contentWeight : preset.contentWeight()) * scales.content();
        double style = (styleWeight != null ? styleWeight : preset.styleWeight()) * factor * scales.style();
        double tv = (tvWeight != null ? tvWeight : preset.tvWeight()) * factor * scales.tv();
        Preset.Layers own = contentLayers != null && styleLayers != null ? null : preset.layersOn(family);
        return new LossSpec(scaled(contentLayers != null ? contentLayers : own.content(), content, family, exists),
                preset.contentNormalization(),
                scaled(styleLayers != null ? styleLayers : own.style(), style, family, exists),
                preset.styleNormalization(), tv, preset.tvExponent());
    }

    public Schedule resolvedSchedule() {
        return schedule != null ? schedule : preset.schedule();
    }

    public Pooling resolvedPooling() {
        return pooling != null ? pooling : preset.pooling();
    }

    /** Relative layer weights normalised to sum 1, times the term's weight. */
    private static Map<String, Double> scaled(Map<String, Double> relative, double weight, NetworkFamily network,
                                              Predicate<String> exists) {
        double sum = relative.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : relative.entrySet()) {
            if (!exists.test(e.getKey())) {
                throw new IllegalArgumentException("layer " + e.getKey() + " does not exist in " + network);
            }
            out.put(e.getKey(), sum == 0 ? 0 : e.getValue() / sum * weight);
        }
        return out;
    }
}
