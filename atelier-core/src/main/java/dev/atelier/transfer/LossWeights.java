package dev.atelier.transfer;

/** The weights of the three loss terms. */
public record LossWeights(double content, double style, double tv) {

    public static LossWeights seed() {
        return new LossWeights(SeedPreset.CONTENT_WEIGHT, SeedPreset.STYLE_WEIGHT, SeedPreset.TV_WEIGHT);
    }
}
