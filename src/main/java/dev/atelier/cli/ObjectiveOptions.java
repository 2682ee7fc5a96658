package dev.atelier.cli;

import dev.atelier.transfer.LossWeights;
import dev.atelier.transfer.SeedPreset;
import picocli.CommandLine.Option;

/** The loss-term weights; defaults are the seed preset's. */
final class ObjectiveOptions {

    @Option(names = "--content-weight", paramLabel = "W", defaultValue = "" + SeedPreset.CONTENT_WEIGHT,
            description = "Weight of the content loss (default: ${DEFAULT-VALUE}).")
    double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W", defaultValue = "" + SeedPreset.STYLE_WEIGHT,
            description = "Weight of the style loss, shared equally by its layers (default: ${DEFAULT-VALUE}).")
    double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "W", defaultValue = "" + SeedPreset.TV_WEIGHT,
            description = "Weight of the total-variation loss (default: ${DEFAULT-VALUE}).")
    double tvWeight;

    LossWeights weights() {
        check("--content-weight", contentWeight);
        check("--style-weight", styleWeight);
        check("--tv-weight", tvWeight);
        return new LossWeights(contentWeight, styleWeight, tvWeight);
    }

    private static void check(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UsageException(option + " must be a finite number >= 0, got " + value);
        }
    }
}
