package dev.atelier.image.color;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The mean RGB colour of an image and the 3x3 covariance of its pixels' colours (population covariance: divided
 * by the pixel count), on the 0..255 scale, computed in double in two passes. Channel order R, G, B.
 */
public final class ColorStatistics {

    private final double[] mean;
    private final double[][] covariance;

    private ColorStatistics(double[] mean, double[][] covariance) {
        this.mean = mean;
        this.covariance = covariance;
    }

    public static ColorStatistics of(BufferedImage image) {
        return of(FloatRgbImage.of(image));
    }

    public static ColorStatistics of(FloatRgbImage image) {
        float[] d = image.data();
        int n = image.pixelCount();
        double[] sum = new double[3];
        for (int i = 0; i < d.length; i += 3) {
            sum[0] += d[i];
            sum[1] += d[i + 1];
            sum[2] += d[i + 2];
        }
        double[] mean = {sum[0] / n, sum[1] / n, sum[2] / n};
        double[] products = new double[6]; // rr, rg, rb, gg, gb, bb
        for (int i = 0; i < d.length; i += 3) {
            double r = d[i] - mean[0];
            double g = d[i + 1] - mean[1];
            double b = d[i + 2] - mean[2];
            products[0] += r * r;
            products[1] += r * g;
            products[2] += r * b;
            products[3] += g * g;
            products[4] += g * b;
            products[5] += b * b;
        }
        double rr = products[0] / n;
        double rg = products[1] / n;
        double rb = products[2] / n;
        double gg = products[3] / n;
        double gb = products[4] / n;
        double bb = products[5] / n;
        return new ColorStatistics(mean, new double[][] {{rr, rg, rb}, {rg, gg, gb}, {rb, gb, bb}});
    }

    /** {R, G, B} means, a new array. */
    public double[] mean() {
        return mean.clone();
    }

    /** The symmetric 3x3 covariance, {@code [row][col]} in R, G, B order, a new array. */
    public double[][] covariance() {
        return Matrix3.copy(covariance);
    }

    @Override
    public String toString() {
        return "ColorStatistics[mean=" + Arrays.toString(mean) + ", covariance=" + Arrays.deepToString(covariance)
                + "]";
    }
}
