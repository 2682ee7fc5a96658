package dev.atelier.video;

import java.awt.image.BufferedImage;

/**
 * Flicker as Lai et al. (2018) measure it: the warping error E, the mean over frame pairs of the mean absolute
 * difference |O_t − warp(O_{t−1})| over the pixels the flow marks reliable, here in 8-bit levels (0–255, averaged
 * over R, G and B). Feed the output frames in order with the flow from each frame to the one before.
 */
public final class WarpingError {

    private int[] previous;
    private double sum;
    private int pairs;

    /**
     * Adds output frame {@code frame}.
     *
     * @param back flow from this frame to the previous one (ignored for the first frame)
     * @param mask 1 where that flow is reliable, 0 elsewhere (null: everywhere the flow stays inside the frame)
     */
    public void add(BufferedImage frame, FlowField back, float[] mask) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
        if (previous != null) {
            float[] warped = Warping.warp(previous, back);
            double diff = 0;
            double weight = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    float c = mask != null ? mask[i] : inside(back, x, y) ? 1 : 0;
                    if (c == 0) {
                        continue;
                    }
                    int p = rgb[i];
                    diff += c * (Math.abs(((p >> 16) & 255) - warped[3 * i])
                            + Math.abs(((p >> 8) & 255) - warped[3 * i + 1])
                            + Math.abs((p & 255) - warped[3 * i + 2])) / 3;
                    weight += c;
                }
            }
            if (weight > 0) {
                sum += diff / weight;
                pairs++;
            }
        }
        previous = rgb;
    }

    private static boolean inside(FlowField f, int x, int y) {
        int i = y * f.width() + x;
        float sx = x + f.u()[i];
        float sy = y + f.v()[i];
        return sx >= 0 && sy >= 0 && sx <= f.width() - 1 && sy <= f.height() - 1;
    }

    /** E in levels (0–255); NaN before two frames. */
    public double value() {
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** Frame pairs measured. */
    public int pairs() {
        return pairs;
    }

    /** Mean absolute difference between two pictures of one size, in levels (0–255, over R, G and B). */
    public static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        if (b.getWidth() != w || b.getHeight() != h) {
            throw new IllegalArgumentException("pictures differ in size");
        }
        int[] p = a.getRGB(0, 0, w, h, null, 0, w);
        int[] q = b.getRGB(0, 0, w, h, null, 0, w);
        long sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(((p[i] >> 16) & 255) - ((q[i] >> 16) & 255))
                    + Math.abs(((p[i] >> 8) & 255) - ((q[i] >> 8) & 255))
                    + Math.abs((p[i] & 255) - (q[i] & 255));
        }
        return sum / (3.0 * p.length);
    }
}
