package dev.atelier.transfer;

import dev.atelier.loss.ContentNormalization;
import dev.atelier.loss.StyleNormalization;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggArchitecture;
import java.util.List;
import java.util.Map;

/**
 * A named set of defaults. Layer weights are relative (normalised to sum 1, then multiplied by the term's weight).
 *
 * @param network the architecture the preset was designed for
 */
public record Preset(String name, String summary, VggArchitecture network,
                     Map<String, Double> contentLayers, double contentWeight, ContentNormalization contentNormalization,
                     Map<String, Double> styleLayers, double styleWeight, StyleNormalization styleNormalization,
                     double tvWeight, double tvExponent, Pooling pooling, Schedule schedule) {

    private static final List<String> CONV_X_1 =
            List.of("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1");

    /** The reference article: what Atelier computes unless told otherwise. */
    public static final Preset SEED = new Preset("seed",
            "the reference article: VGG16, content block2_conv2, style on five convN_last layers, TV^1.25, "
                    + "L-BFGS restarted every 20 evaluations",
            VggArchitecture.VGG16, Map.of(SeedPreset.CONTENT_LAYER, 1.0), SeedPreset.CONTENT_WEIGHT,
            ContentNormalization.SUM, LayerWeights.equal(SeedPreset.STYLE_LAYERS, 1.0), SeedPreset.STYLE_WEIGHT,
            StyleNormalization.SEED, SeedPreset.TV_WEIGHT, SeedPreset.TV_EXPONENT, Pooling.MAX, Schedule.seed());

    /**
     * Gatys, Ecker and Bethge (2016): VGG19, content conv4_2, style conv1_1…conv5_1 with equal weights, Gram loss
     * normalised by 4N²M², average pooling, α/β = 1e-3, no TV term, one long L-BFGS run.
     */
    public static final Preset GATYS = new Preset("gatys",
            "Gatys et al. 2016: VGG19, content conv4_2, style conv1_1..conv5_1, 4N^2M^2 normalisation, average "
                    + "pooling, alpha/beta = 1e-3, 500 evaluations without restarts",
            VggArchitecture.VGG19, Map.of("block4_conv2", 1.0), 1.0, ContentNormalization.SUM,
            LayerWeights.equal(CONV_X_1, 1.0), 1e3, StyleNormalization.GATYS, 0, 1.0, Pooling.AVG,
            new Schedule(10, 50, false, SeedPreset.HISTORY));

    /**
     * jcjohnson/neural-style's defaults: VGG19, content relu4_2 (weight 5), style relu1_1…relu5_1 (weight 100 each),
     * mean-squared losses on Grams divided by C·H·W, squared-difference TV with weight 1e-3, 1000 L-BFGS iterations.
     */
    public static final Preset JOHNSON = new Preset("johnson",
            "jcjohnson/neural-style defaults: VGG19, content relu4_2 x5, style relu1_1..relu5_1 x100 each, MSE "
                    + "losses, TV 1e-3, 1000 evaluations without restarts",
            VggArchitecture.VGG19, Map.of("block4_conv2", 1.0), 5.0, ContentNormalization.MEAN,
            LayerWeights.equal(CONV_X_1, 1.0), 100.0 * CONV_X_1.size(), StyleNormalization.JOHNSON, 1e-3, 1.0,
            Pooling.MAX, new Schedule(10, 100, false, SeedPreset.HISTORY));

    public static final List<Preset> ALL = List.of(SEED, GATYS, JOHNSON);

    public static Preset named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown preset '" + name + "'; presets are seed, gatys, johnson"));
    }

    public LossWeights weights() {
        return new LossWeights(contentWeight, styleWeight, tvWeight);
    }
}
