package dev.atelier.transfer;

/**
 * Prisma's intensity slider, 0..100: a factor on the style weight. 100 (the default) leaves the preset as it is;
 * each 33⅓ points down divides the style weight by 10 (perceived stylisation follows the log of the weight
 * ratio); 0 removes the style term, leaving only content and smoothness.
 */
public final class Strength {

    public static final double FULL = 100;

    private Strength() {}

    public static double styleFactor(double strength) {
        if (!(strength >= 0 && strength <= FULL)) {
            throw new IllegalArgumentException("strength must be between 0 and 100, got " + strength);
        }
        return strength == 0 ? 0 : Math.pow(10, 3 * (strength / FULL - 1));
    }
}
