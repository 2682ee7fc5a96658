package dev.atelier.image.color;

import dev.atelier.image.RgbConverter;
import java.awt.image.BufferedImage;

/** Packed {@code 0xRRGGBB} pixels of images, row-major. */
final class Pixels {

    private Pixels() {}

    /**
     * A copy of the image's pixels as packed RGB ints (bits above 24 unspecified), any image type converted to
     * 8-bit RGB first. Reads through the raster, so sub-images (which share a larger buffer) are read correctly.
     */
    static int[] rgb(BufferedImage image) {
        BufferedImage rgb = RgbConverter.toRgb(image);
        return (int[]) rgb.getRaster().getDataElements(0, 0, rgb.getWidth(), rgb.getHeight(), null);
    }
}
