package dev.atelier.image.color;

import java.util.Arrays;

/**
 * The affine colour map {@code x' = A (x − μs) + μc} taking an image with colour mean μs and covariance Σs (the
 * style) to one with the mean μc and covariance Σc of another (the content): {@code A Σs Aᵀ = Σc}. A is chosen by
 * a {@link ColorMatchMethod}. Colours are R, G, B on the 0..255 scale.
 *
 * <p>{@link #EPSILON}·I is added to both covariances first, so that flat or grey images (singular covariances)
 * factorise; a flat style maps to the content's mean colour. The match is then exact for the regularised
 * covariances: {@code A (Σs + εI) Aᵀ = Σc + εI}, which leaves the recoloured covariance within
 * {@code ε (1 + ‖A‖²)} of Σc.
 */
public final class ColorTransform {

    /**
     * Added to the diagonal of both covariances, in (0..255)² units: a hundredth of the variance of one grey level,
     * and far below the 1/12 that 8-bit rounding alone gives any non-flat image.
     */
    public static final double EPSILON = 1e-2;

    private final ColorMatchMethod method;
    private final double[][] matrix;
    private final double[] styleMean;
    private final double[] contentMean;

    private ColorTransform(ColorMatchMethod method, double[][] matrix, double[] styleMean, double[] contentMean) {
        this.method = method;
        this.matrix = matrix;
        this.styleMean = styleMean;
        this.contentMean = contentMean;
    }

    /** The map taking colours with the style's statistics to colours with the content's. */
    public static ColorTransform between(ColorStatistics style, ColorStatistics content, ColorMatchMethod method) {
        double[][] s = Matrix3.plusIdentity(style.covariance(), EPSILON);
        double[][] c = Matrix3.plusIdentity(content.covariance(), EPSILON);
        double[][] a = switch (method) {
            case CHOL -> Matrix3.multiply(Matrix3.cholesky(c), Matrix3.invertLower(Matrix3.cholesky(s)));
            case PCA -> Matrix3.multiply(Matrix3.sqrt(c), Matrix3.inverseSqrt(s));
            case SYM -> {
                double[][] sHalf = Matrix3.sqrt(s);
                double[][] sMinusHalf = Matrix3.inverseSqrt(s);
                double[][] middle = Matrix3.sqrt(Matrix3.symmetrized(Matrix3.multiply(sHalf, c, sHalf)));
                yield Matrix3.symmetrized(Matrix3.multiply(sMinusHalf, middle, sMinusHalf));
            }
        };
        return new ColorTransform(method, a, style.mean(), content.mean());
    }

    public ColorMatchMethod method() {
        return method;
    }

    /** A, {@code [row][col]} in R, G, B order, a new array. */
    public double[][] matrix() {
        return Matrix3.copy(matrix);
    }

    /** μs, a new array. */
    public double[] styleMean() {
        return styleMean.clone();
    }

    /** μc, a new array. */
    public double[] contentMean() {
        return contentMean.clone();
    }

    /** The image with the map applied to every pixel, unclamped (computed in double, stored as float). */
    public FloatRgbImage apply(FloatRgbImage image) {
        float[] in = image.data();
        float[] out = new float[in.length];
        double[][] a = matrix;
        for (int i = 0; i < in.length; i += 3) {
            double r = in[i] - styleMean[0];
            double g = in[i + 1] - styleMean[1];
            double b = in[i + 2] - styleMean[2];
            out[i] = (float) (a[0][0] * r + a[0][1] * g + a[0][2] * b + contentMean[0]);
            out[i + 1] = (float) (a[1][0] * r + a[1][1] * g + a[1][2] * b + contentMean[1]);
            out[i + 2] = (float) (a[2][0] * r + a[2][1] * g + a[2][2] * b + contentMean[2]);
        }
        return new FloatRgbImage(image.width(), image.height(), out);
    }

    @Override
    public String toString() {
        return "ColorTransform[" + method.cliName() + ", A=" + Arrays.deepToString(matrix) + "]";
    }
}
