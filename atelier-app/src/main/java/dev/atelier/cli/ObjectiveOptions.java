package dev.atelier.cli;

import dev.atelier.network.Pooling;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.NetworkFamily;
import dev.atelier.transfer.LayerWeights;
import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.Strength;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The preset and the loss options that override it. */
final class ObjectiveOptions {

    @Option(names = "--preset", paramLabel = "seed|gatys|johnson|darknet",
            description = "Defaults to start from: seed (the reference article), gatys (Gatys et al. 2016, VGG19), "
                    + "johnson (jcjohnson/neural-style, VGG19), darknet (made for Darknet Tiny). Explicit options "
                    + "override it (default: seed; darknet on Darknet Tiny weights).")
    String preset;

    /** The family of the weights, once known: without --preset, it picks the preset. */
    private NetworkFamily loaded;

    @Option(names = "--network", paramLabel = "vgg16|vgg19|darknet-tiny",
            description = "The network the weights must hold (default: the preset's). Set it to run a preset on the other network.")
    String network;

    @Option(names = "--content-weight", paramLabel = "W", description = "Weight of the content loss (seed: 0.025).")
    Double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W", description = "Weight of the style loss, shared by its layers (seed: 5.0).")
    Double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "W", description = "Weight of the total-variation loss (seed: 1.0).")
    Double tvWeight;

    @Option(names = "--content-layers", paramLabel = "L[:W],...",
            description = "Content layers with relative weights, e.g. block4_conv2 or relu4_2:1,relu5_2:0.5 (seed: block2_conv2).")
    String contentLayers;

    @Option(names = "--style-layers", paramLabel = "L[:W],...",
            description = "Style layers with relative weights (normalised to sum 1), e.g. conv1_1,conv2_1:2 "
                    + "(seed: block1_conv2,block2_conv2,block3_conv3,block4_conv3,block5_conv3).")
    String styleLayers;

    @Option(names = "--pooling", paramLabel = "max|avg", description = "Pooling between blocks (seed: max; gatys: avg).")
    String pooling;

    @Option(names = "--strength", paramLabel = "0..100", defaultValue = "100",
            description = "Style intensity, like Prisma's slider: 100 is the preset, every 33 points less divides the "
                    + "style and TV weights by 10, 0 keeps the photo (default: ${DEFAULT-VALUE}).")
    double strength;

    /** The preset named, else the default of the loaded network's family (the seed before it is known). */
    Preset preset() {
        if (preset == null) {
            return loaded == null ? Preset.SEED : Preset.defaultFor(loaded);
        }
        try {
            return Preset.named(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--preset: " + e.getMessage());
        }
    }

    /** The network asked for: explicit, else the preset's. */
    NetworkFamily network() {
        if (network == null) {
            return preset().network();
        }
        try {
            return NetworkFamily.named(network);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--network: " + e.getMessage());
        }
    }

    /**
     * Checks the weights hold the network asked for (or, without --network, one the preset names layers for); says
     * how to fix it if not.
     */
    void checkNetwork(NetworkFamily actual) {
        if (network == null) {
            loaded = actual;
        }
        NetworkFamily wanted = network();
        if (network == null && preset().runsOn(actual)) {
            return;
        }
        if (wanted != actual) {
            String name = actual.id();
            throw new UserException(network == null
                    ? "preset " + preset().name() + " is made for " + wanted + " but the weights hold " + actual
                            + ": use " + wanted + " weights, or add --network " + name + " to run it on " + actual
                    : "--network " + network + " asked for " + wanted + " but the weights hold " + actual);
        }
    }

    /** The recipe on {@code network}: layer names are checked against its own. */
    Recipe recipe(FeatureNetwork architecture, Schedule schedule) {
        if (architecture.family().vgg() == null && pooling != null && !pooling.equalsIgnoreCase("max")) {
            throw new UsageException("--pooling " + pooling + " is not possible on " + architecture.family()
                    + ": it was trained with max pooling only");
        }
        check("--content-weight", contentWeight);
        check("--style-weight", styleWeight);
        check("--tv-weight", tvWeight);
        try {
            Strength.factor(strength);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        Recipe recipe = new Recipe(preset(), contentWeight, styleWeight, tvWeight,
                layers("--content-layers", contentLayers, architecture),
                layers("--style-layers", styleLayers, architecture), pooling(), schedule, strength);
        try {
            recipe.lossSpec(architecture);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return recipe;
    }

    private Pooling pooling() {
        if (pooling == null) {
            return null;
        }
        return switch (pooling.toLowerCase(Locale.ROOT)) {
            case "max" -> Pooling.MAX;
            case "avg", "average" -> Pooling.AVG;
            default -> throw new UsageException("--pooling must be max or avg, got '" + pooling + "'");
        };
    }

    private static Map<String, Double> layers(String option, String spec, FeatureNetwork architecture) {
        if (spec == null) {
            return null;
        }
        try {
            return LayerWeights.parse(spec, architecture);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static void check(String option, Double value) {
        if (value != null && (!(value >= 0) || Double.isInfinite(value))) {
            throw new UsageException(option + " must be a finite number >= 0, got " + value);
        }
    }
}
