package dev.atelier.transfer;

import dev.atelier.loss.ContentNormalization;
import dev.atelier.loss.StyleNormalization;
import dev.atelier.network.Pooling;
import dev.atelier.network.NetworkFamily;
import java.util.List;
import java.util.Map;

/**
 * A named set of defaults. Layer weights are relative (normalised to sum 1, then multiplied by the term's weight).
 *
 * @param network       the network the preset was designed for; its layers are {@code contentLayers} and
 *                      {@code styleLayers} (on VGG16 and VGG19 alike: they share their layer names)
 * @param otherFamilies the layers the preset uses on other network families
 */
public record Preset(String name, String summary, NetworkFamily network,
                     Map<String, Double> contentLayers, double contentWeight, ContentNormalization contentNormalization,
                     Map<String, Double> styleLayers, double styleWeight, StyleNormalization styleNormalization,
                     double tvWeight, double tvExponent, Pooling pooling, Schedule schedule,
                     Map<NetworkFamily, Layers> otherFamilies) {

    /** Content and style layers with relative weights, in a family's own names. */
    public record Layers(Map<String, Double> content, Map<String, Double> style) {}

    /** The layers the reference uses on Darknet Tiny when told {@code --network darknet-tiny}. */
    private static final Layers REFERENCE_DARKNET = new Layers(Map.of("leaky_re_lu_8", 1.0),
            LayerWeights.equal(List.of("leaky_re_lu_1", "leaky_re_lu_2", "leaky_re_lu_4", "leaky_re_lu_8",
                    "leaky_re_lu_12"), 1.0));

    private static final List<String> CONV_X_1 =
            List.of("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1");

    /** The reference article: what Atelier computes unless told otherwise. */
    public static final Preset SEED = new Preset("seed",
            "the reference article: VGG16, content block2_conv2, style on five convN_last layers, TV^1.25, "
                    + "L-BFGS restarted every 20 evaluations",
            NetworkFamily.VGG16, Map.of(SeedPreset.CONTENT_LAYER, 1.0), SeedPreset.CONTENT_WEIGHT,
            ContentNormalization.SUM, LayerWeights.equal(SeedPreset.STYLE_LAYERS, 1.0), SeedPreset.STYLE_WEIGHT,
            StyleNormalization.SEED, SeedPreset.TV_WEIGHT, SeedPreset.TV_EXPONENT, Pooling.MAX, Schedule.seed(),
            Map.of(NetworkFamily.DARKNET_TINY, REFERENCE_DARKNET));

    /**
     * Gatys, Ecker and Bethge (2016): VGG19, content conv4_2, style conv1_1…conv5_1 with equal weights, Gram loss
     * normalised by 4N²M², average pooling, α/β = 1e-3, no TV term, one long L-BFGS run.
     */
    public static final Preset GATYS = new Preset("gatys",
            "Gatys et al. 2016: VGG19, content conv4_2, style conv1_1..conv5_1, 4N^2M^2 normalisation, average "
                    + "pooling, alpha/beta = 1e-3, 500 evaluations without restarts",
            NetworkFamily.VGG19, Map.of("block4_conv2", 1.0), 1.0, ContentNormalization.SUM,
            LayerWeights.equal(CONV_X_1, 1.0), 1e3, StyleNormalization.GATYS, 0, 1.0, Pooling.AVG,
            new Schedule(10, 50, false, SeedPreset.HISTORY), Map.of());

    /**
     * jcjohnson/neural-style's defaults: VGG19, content relu4_2 (weight 5), style relu1_1…relu5_1 (weight 100 each),
     * mean-squared losses on Grams divided by C·H·W, squared-difference TV with weight 1e-3, 1000 L-BFGS iterations.
     */
    public static final Preset JOHNSON = new Preset("johnson",
            "jcjohnson/neural-style defaults: VGG19, content relu4_2 x5, style relu1_1..relu5_1 x100 each, MSE "
                    + "losses, TV 1e-3, 1000 evaluations without restarts",
            NetworkFamily.VGG19, Map.of("block4_conv2", 1.0), 5.0, ContentNormalization.MEAN,
            LayerWeights.equal(CONV_X_1, 1.0), 100.0 * CONV_X_1.size(), StyleNormalization.JOHNSON, 1e-3, 1.0,
            Pooling.MAX, new Schedule(10, 100, false, SeedPreset.HISTORY), Map.of());

    /**
     * Made for Darknet Tiny, chosen by looking at pictures (README, Pictures): its activations are about a
     * thousandth of VGG's (input RGB/255, batch-normalised), so the seed's weights leave only TV at work. Content
     * leaky_re_lu_8 × 1.5e3; style on the reference's five LeakyReLU layers weighted towards the deeper ones (larger
     * strokes) × 1e10; TV 0.3 (sharper strokes than the seed's 1.0); the seed's normalisations and schedule.
     */
    public static final Preset DARKNET = new Preset("darknet",
            "made for Darknet Tiny: content leaky_re_lu_8 x 1.5e3, style leaky_re_lu_1,2,4,8,12 weighted 1,1,2,4,8 "
                    + "x 1e10, TV 0.3, the seed's normalisations and schedule",
            NetworkFamily.DARKNET_TINY, Map.of("leaky_re_lu_8", 1.0), 1.5e3, ContentNormalization.SUM,
            darknetStyle(), 1e10, StyleNormalization.SEED, 0.3, SeedPreset.TV_EXPONENT, Pooling.MAX,
            Schedule.seed(), Map.of());

    private static Map<String, Double> darknetStyle() {
        Map<String, Double> layers = new java.util.LinkedHashMap<>();
        layers.put("leaky_re_lu_1", 1.0);
        layers.put("leaky_re_lu_2", 1.0);
        layers.put("leaky_re_lu_4", 2.0);
        layers.put("leaky_re_lu_8", 4.0);
        layers.put("leaky_re_lu_12", 8.0);
        return layers;
    }

    public static final List<Preset> ALL = List.of(SEED, GATYS, JOHNSON, DARKNET);

    public static Preset named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown preset '" + name + "'; presets are seed, gatys, johnson, darknet"));
    }

    /** The preset a network runs when none is named: the seed on VGG, the darknet preset on Darknet. */
    public static Preset defaultFor(NetworkFamily family) {
        return family == NetworkFamily.DARKNET_TINY ? DARKNET : SEED;
    }

    /** Whether the preset gives layers for {@code family}. */
    public boolean runsOn(NetworkFamily family) {
        return family == network || otherFamilies.containsKey(family);
    }

    /** The preset's layers on {@code family}; an error saying what to add if it has none there. */
    public Layers layersOn(NetworkFamily family) {
        if (family.vgg() != null && network.vgg() != null) {
            return new Layers(contentLayers, styleLayers);
        }
        Layers layers = family == network ? new Layers(contentLayers, styleLayers) : otherFamilies.get(family);
        if (layers == null) {
            throw new IllegalArgumentException("preset " + name + " names no layers of " + family
                    + ": give --content-layers and --style-layers, or use a preset made for it");
        }
        return layers;
    }

    public LossWeights weights() {
        return new LossWeights(contentWeight, styleWeight, tvWeight);
    }
}
