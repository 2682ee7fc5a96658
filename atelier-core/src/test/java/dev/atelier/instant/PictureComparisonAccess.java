package dev.atelier.instant;

import java.awt.image.BufferedImage;

/** {@link PictureComparison} for tests in other packages. */
public final class PictureComparisonAccess {

    private PictureComparisonAccess() {}

    /** [bytes, bytes equal, largest difference]. */
    public static long[] compare(BufferedImage actual, BufferedImage expected) {
        return PictureComparison.compare(actual, expected);
    }
}
