package dev.atelier.image.color;

import static dev.atelier.image.color.ColorTestImages.content;
import static dev.atelier.image.color.ColorTestImages.style;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColorMatchingTest {

    private static final BufferedImage STYLE = style(23, 17);
    private static final BufferedImage CONTENT = content(19, 21);

    @ParameterizedTest
    @EnumSource(ColorMatchMethod.class)
    void theUnclampedResultHasTheContentsMeanAndCovariance(ColorMatchMethod method) {
        FloatRgbImage matched = ColorMatching.matchColorsUnclamped(STYLE, CONTENT, method);
        ColorStatistics target = ColorStatistics.of(CONTENT);
        ColorStatistics got = ColorStatistics.of(matched);

        assertThat(matched.width()).isEqualTo(23);
        assertThat(matched.height()).isEqualTo(17);
        assertClose(got.mean(), target.mean(), 1e-3);
        // exact up to float storage and the ε·(I − A Aᵀ) that the regularisation leaves
        assertClose(got.covariance(), target.covariance(), 0.05);
        assertThat(distance(ColorStatistics.of(STYLE).covariance(), target.covariance()))
                .as("the inputs differ").isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(ColorMatchMethod.class)
    void theEightBitResultHasNearlyTheContentsMeanAndCovariance(ColorMatchMethod method) {
        FloatRgbImage unclamped = ColorMatching.matchColorsUnclamped(STYLE, CONTENT, method);
        for (float v : unclamped.data()) {
            assertThat(v).as("the test images do not saturate").isBetween(0f, 255f);
        }
        BufferedImage matched = ColorMatching.matchColors(STYLE, CONTENT, method);
        assertThat(matched.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        ColorStatistics target = ColorStatistics.of(CONTENT);
        ColorStatistics got = ColorStatistics.of(matched);
        assertClose(got.mean(), target.mean(), 0.1);
        // rounding to integers moves each (co)variance by a little: the 1/12 of variance rounding adds, and its
        // correlation with the smooth pixel values
        assertClose(got.covariance(), target.covariance(), 0.005 * 405);
    }

    @Test
    void theMatricesHaveTheirMethodsShapes() {
        ColorStatistics s = ColorStatistics.of(STYLE);
        ColorStatistics c = ColorStatistics.of(CONTENT);
        double[][] chol = ColorTransform.between(s, c, ColorMatchMethod.CHOL).matrix();
        double[][] pca = ColorTransform.between(s, c, ColorMatchMethod.PCA).matrix();
        double[][] sym = ColorTransform.between(s, c, ColorMatchMethod.SYM).matrix();

        // chol: Lc Ls⁻¹ is a product of lower-triangular matrices
        assertThat(chol[0][1]).isZero();
        assertThat(chol[0][2]).isZero();
        assertThat(chol[1][2]).isZero();
        assertThat(chol[0][0]).isPositive();
        assertThat(chol[1][1]).isPositive();
        assertThat(chol[2][2]).isPositive();
        // sym: symmetric positive definite
        assertThat(sym[0][1]).isCloseTo(sym[1][0], within(1e-12));
        assertThat(sym[0][2]).isCloseTo(sym[2][0], within(1e-12));
        assertThat(sym[1][2]).isCloseTo(sym[2][1], within(1e-12));
        for (double eigenvalue : Matrix3.symmetricEigen(sym).values()) {
            assertThat(eigenvalue).isPositive();
        }
        // pca: Σc^½ Σs^-½, in general neither
        assertThat(Math.abs(pca[0][1] - pca[1][0]) + Math.abs(pca[1][2] - pca[2][1])).isGreaterThan(1e-3);
        assertThat(Math.abs(pca[0][1]) + Math.abs(pca[0][2]) + Math.abs(pca[1][2])).isGreaterThan(1e-3);

        // all three solve A (Σs + εI) Aᵀ = Σc + εI
        double[][] sReg = Matrix3.plusIdentity(s.covariance(), ColorTransform.EPSILON);
        double[][] cReg = Matrix3.plusIdentity(c.covariance(), ColorTransform.EPSILON);
        for (double[][] a : new double[][][] {chol, pca, sym}) {
            assertClose(Matrix3.multiply(a, sReg, Matrix3.transpose(a)), cReg, 1e-9);
        }
    }

    @Test
    void theThreeMethodsGiveDifferentImages() {
        BufferedImage chol = ColorMatching.matchColors(STYLE, CONTENT, ColorMatchMethod.CHOL);
        BufferedImage pca = ColorMatching.matchColors(STYLE, CONTENT, ColorMatchMethod.PCA);
        BufferedImage sym = ColorMatching.matchColors(STYLE, CONTENT, ColorMatchMethod.SYM);
        assertThat(meanAbsoluteDifference(chol, pca)).isGreaterThan(1);
        assertThat(meanAbsoluteDifference(chol, sym)).isGreaterThan(1);
        assertThat(meanAbsoluteDifference(pca, sym)).isGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(ColorMatchMethod.class)
    void matchingAnImageToItselfChangesNothing(ColorMatchMethod method) {
        ColorStatistics s = ColorStatistics.of(STYLE);
        assertClose(ColorTransform.between(s, s, method).matrix(), Matrix3.identity(), 1e-9);
        int[] before = ColorTestImages.pixels(STYLE);
        assertThat(ColorTestImages.pixels(ColorMatching.matchColors(STYLE, STYLE, method))).containsExactly(before);
    }

    @ParameterizedTest
    @EnumSource(ColorMatchMethod.class)
    void aFlatStyleBecomesTheContentsMeanColour(ColorMatchMethod method) {
        FloatRgbImage matched = ColorMatching.matchColorsUnclamped(ColorTestImages.flat(5, 4, 0x808080), CONTENT,
                method);
        double[] mean = ColorStatistics.of(CONTENT).mean();
        float[] d = matched.data();
        for (int i = 0; i < d.length; i++) {
            assertThat((double) d[i]).isCloseTo(mean[i % 3], within(1e-3));
        }
    }

    @ParameterizedTest
    @EnumSource(ColorMatchMethod.class)
    void greyImagesWithSingularCovariancesStillWork(ColorMatchMethod method) {
        BufferedImage grey = ColorPreservation.luminanceImage(STYLE); // R = G = B: covariance of rank 1
        FloatRgbImage toColour = ColorMatching.matchColorsUnclamped(grey, CONTENT, method);
        FloatRgbImage toGrey = ColorMatching.matchColorsUnclamped(CONTENT, grey, method);
        for (FloatRgbImage image : new FloatRgbImage[] {toColour, toGrey}) {
            for (float v : image.data()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
        assertClose(ColorStatistics.of(toColour).mean(), ColorStatistics.of(CONTENT).mean(), 1e-3);
        assertClose(ColorStatistics.of(toGrey).covariance(), ColorStatistics.of(grey).covariance(), 0.05);
        // a grey target gives grey pixels, up to the spread of about √ε the regularisation allows
        float[] d = toGrey.data();
        for (int i = 0; i < d.length; i += 3) {
            assertThat(d[i + 1]).isCloseTo(d[i], within(0.5f));
            assertThat(d[i + 2]).isCloseTo(d[i], within(0.5f));
        }
    }

    @Test
    void methodsAreNamedAsOnTheCommandLine() {
        assertThat(ColorMatchMethod.fromName("chol")).isEqualTo(ColorMatchMethod.CHOL);
        assertThat(ColorMatchMethod.fromName("PCA")).isEqualTo(ColorMatchMethod.PCA);
        assertThat(ColorMatchMethod.fromName("sym")).isEqualTo(ColorMatchMethod.SYM);
        assertThat(ColorMatchMethod.SYM.cliName()).isEqualTo("sym");
        assertThatThrownBy(() -> ColorMatchMethod.fromName("lab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("colour matching must be chol, pca or sym, got 'lab'");
    }

    @Test
    void statisticsArePopulationMeanAndCovariance() {
        FloatRgbImage image = new FloatRgbImage(2, 1, new float[] {0, 10, 20, 2, 10, 16});
        ColorStatistics stats = ColorStatistics.of(image);
        assertClose(stats.mean(), new double[] {1, 10, 18}, 0);
        assertClose(stats.covariance(), new double[][] {{1, 0, -2}, {0, 0, 0}, {-2, 0, 4}}, 0);
    }

    static void assertClose(double[] got, double[] expected, double tolerance) {
        for (int i = 0; i < 3; i++) {
            assertThat(got[i]).as("[%d]", i).isCloseTo(expected[i], within(tolerance));
        }
    }

    static void assertClose(double[][] got, double[][] expected, double tolerance) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(got[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    private static double distance(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sum += Math.abs(a[i][j] - b[i][j]);
            }
        }
        return sum;
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        int[] pa = ColorTestImages.pixels(a);
        int[] pb = ColorTestImages.pixels(b);
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((pa[i] >> shift) & 0xFF) - ((pb[i] >> shift) & 0xFF));
            }
        }
        return sum / (3.0 * pa.length);
    }
}
