package dev.atelier.transfer;

import java.util.List;

/** The reference article's choices (see DEVELOPERS.md). Every other setting is an option on top of these. */
public final class SeedPreset {

    private SeedPreset() {}

    public static final String CONTENT_LAYER = "block2_conv2";
    public static final List<String> STYLE_LAYERS =
            List.of("block1_conv2", "block2_conv2", "block3_conv3", "block4_conv3", "block5_conv3");
    public static final double CONTENT_WEIGHT = 0.025;
    public static final double STYLE_WEIGHT = 5.0;
    public static final double TV_WEIGHT = 1.0;
    public static final double TV_EXPONENT = 1.25;
    /** The reference runs scipy's L-BFGS-B this many times, restarting its memory each time… */
    public static final int ROUNDS = 10;
    /** …with {@code maxfun} this many evaluations per run. */
    public static final int EVALUATIONS_PER_ROUND = 20;
    public static final int HISTORY = 10;
}
