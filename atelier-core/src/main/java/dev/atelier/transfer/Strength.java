package dev.atelier.transfer;

/**
 * Prisma's intensity slider, 0..100: a factor on the style and total-variation weights, i.e. on everything that
 * moves the image away from the photo (TV is scaled too: in the seed preset it alone would smooth the photo
 * away). 100 (the default) leaves the preset as it is; each 33⅓ points down divides the factor by 10 (perceived
 * stylisation follows the log of the weight ratio); 0 leaves only the content term, i.e. the photo.
 */
public final class Strength {

    public static final double FULL = 100;

    private Strength() {}

    public static double factor(double strength) {
        if (!(strength >= 0 && strength <= FULL)) {
            throw new IllegalArgumentException("strength must be between 0 and 100, got " + strength);
        }
        return strength == 0 ? 0 : Math.pow(10, 3 * (strength / FULL - 1));
    }
}
