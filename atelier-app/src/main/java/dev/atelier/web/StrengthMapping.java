package dev.atelier.web;

import dev.atelier.network.NetworkFamily;
import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.Strength;

/** The page's strength slider as a recipe. */
final class StrengthMapping {

    static final double DEFAULT = Strength.FULL;

    private StrengthMapping() {}

    /**
     * Strength 0..100 scales the style (and total-variation) weight relative to the content weight, monotonically;
     * 100 is the network's default preset (the seed on VGG) unchanged, 0 keeps the photo. It is the command line's
     * {@code --strength}.
     */
    static Recipe recipe(double strength, Schedule schedule, NetworkFamily network) {
        return new Recipe(Preset.defaultFor(network), null, null, null, null, null, null, schedule, strength);
    }
}
