package dev.atelier.image;

/** A width and height in pixels, both at least 1. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /**
     * The size whose longest side is {@code longestSide}, keeping this size's aspect ratio; the other side is
     * rounded to the nearest integer (halves up) and is at least 1. A square gets {@code longestSide} on both
     * sides. E.g. 128x96 with 64 gives 64x48; 1x1000 with 64 gives 1x64.
     */
    public ImageSize withLongestSide(int longestSide) {
        if (longestSide < 1) {
            throw new IllegalArgumentException("longest side must be at least 1, got " + longestSide);
        }
        if (width >= height) {
            return new ImageSize(longestSide, scaleRounded(height, longestSide, width));
        }
        return new ImageSize(scaleRounded(width, longestSide, height), longestSide);
    }

    /** round(side * numerator / denominator), halves up, in exact integer arithmetic; at least 1. */
    private static int scaleRounded(int side, int numerator, int denominator) {
        long scaled = (2L * side * numerator + denominator) / (2L * denominator);
        return (int) Math.max(1, scaled);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
