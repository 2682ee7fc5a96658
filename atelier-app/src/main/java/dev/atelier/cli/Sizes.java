package dev.atelier.cli;

/** Range checks for image sizes given on the command line. */
final class Sizes {

    /** Beyond this a single image would not fit in memory on any machine we target. */
    static final int MAX_SIDE = 16384;

    private Sizes() {}

    static void checkSide(String option, int value) {
        if (value < 1 || value > MAX_SIDE) {
            throw new UsageException(option + " must be between 1 and " + MAX_SIDE + " pixels, got " + value);
        }
    }
}
