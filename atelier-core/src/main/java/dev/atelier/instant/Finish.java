package dev.atelier.instant;

import dev.atelier.image.color.ColorPreservation;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * What is done to a network's picture before it is shown: {@code --preserve-colors} (the picture's luminance with
 * the photo's colours) and the strength slider. Strength blends pixel by pixel, linearly in 8-bit RGB:
 * {@code out = photo + (strength / 100) · (painted − photo)}, rounded to the nearest integer, so 100 is the
 * network's picture, 0 the photo and 50 the average of the two. Cheap: the web app re-blends without the network.
 */
public final class Finish {

    private Finish() {}

    /** The finished picture: colours preserved first if asked, then blended with the photo at {@code strength}. */
    public static BufferedImage apply(BufferedImage painted, BufferedImage photo, double strength, boolean preserveColors) {
        BufferedImage picture = preserveColors ? ColorPreservation.recombine(painted, photo) : painted;
        return blend(picture, photo, strength);
    }

    /** {@code photo + (strength / 100) · (painted − photo)} per channel, rounded; both of the same size. */
    public static BufferedImage blend(BufferedImage painted, BufferedImage photo, double strength) {
        if (!(strength >= 0 && strength <= 100)) {
            throw new IllegalArgumentException("strength must be between 0 and 100, got " + strength);
        }
        if (painted.getWidth() != photo.getWidth() || painted.getHeight() != photo.getHeight()) {
            throw new IllegalArgumentException("the picture is " + painted.getWidth() + "x" + painted.getHeight()
                    + " but the photo is " + photo.getWidth() + "x" + photo.getHeight());
        }
        if (strength == 100) {
            return painted;
        }
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] a = painted.getRGB(0, 0, w, h, null, 0, w);
        int[] b = photo.getRGB(0, 0, w, h, null, 0, w);
        double t = strength / 100;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < dst.length; i++) {
            int px = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int p = (a[i] >> shift) & 0xFF;
                int q = (b[i] >> shift) & 0xFF;
                px |= (int) Math.round(q + t * (p - q)) << shift;
            }
            dst[i] = px;
        }
        return out;
    }
}
