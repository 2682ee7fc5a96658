package dev.atelier.image.color;

import static dev.atelier.image.color.ColorMatchingTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Matrix3Test {

    private static final double[][] SPD = {{675.7, 196.9, 253.9}, {196.9, 359.4, 197.7}, {253.9, 197.7, 159.0}};

    @Test
    void eigendecompositionReconstructsTheMatrixWithOrthonormalVectors() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[][] m = randomSymmetric(random, trial % 4 == 0 ? 1e-3 : 300);
            checkEigen(m);
        }
        checkEigen(SPD);
    }

    @Test
    void repeatedAndZeroEigenvaluesAreHandled() {
        checkEigen(Matrix3.identity());
        checkEigen(new double[3][3]);
        checkEigen(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}); // a grey image's covariance shape: 3, 0, 0
        double[][] rotation = Matrix3.symmetricEigen(SPD).vectors();
        double[][] twoEqual = Matrix3.multiply(rotation, new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 5}},
                Matrix3.transpose(rotation));
        double[] values = Matrix3.symmetricEigen(twoEqual).values().clone();
        Arrays.sort(values);
        assertThat(values[0]).isCloseTo(2, within(1e-12));
        assertThat(values[1]).isCloseTo(2, within(1e-12));
        assertThat(values[2]).isCloseTo(5, within(1e-12));
    }

    @Test
    void squareRootsSquareBack() {
        double[][] root = Matrix3.sqrt(SPD);
        assertClose(Matrix3.multiply(root, root), SPD, 1e-9);
        double[][] inverseRoot = Matrix3.inverseSqrt(SPD);
        assertClose(Matrix3.multiply(root, inverseRoot), Matrix3.identity(), 1e-12);
        assertThatThrownBy(() -> Matrix3.inverseSqrt(new double[3][3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void choleskyFactorsAndTriangularInverse() {
        double[][] l = Matrix3.cholesky(SPD);
        assertThat(l[0][1]).isZero();
        assertThat(l[0][2]).isZero();
        assertThat(l[1][2]).isZero();
        assertClose(Matrix3.multiply(l, Matrix3.transpose(l)), SPD, 1e-9);
        double[][] inverse = Matrix3.invertLower(l);
        assertThat(inverse[0][1]).isZero();
        assertClose(Matrix3.multiply(l, inverse), Matrix3.identity(), 1e-12);
        assertThatThrownBy(() -> Matrix3.cholesky(new double[][] {{1, 2, 0}, {2, 1, 0}, {0, 0, 1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void checkEigen(double[][] m) {
        Matrix3.Eigen e = Matrix3.symmetricEigen(m);
        double[][] v = e.vectors();
        double[][] lambda = new double[3][3];
        for (int k = 0; k < 3; k++) {
            lambda[k][k] = e.values()[k];
        }
        double scale = 1e-12 * Math.max(1, maxAbs(m));
        assertClose(Matrix3.multiply(v, lambda, Matrix3.transpose(v)), m, scale);
        assertClose(Matrix3.multiply(Matrix3.transpose(v), v), Matrix3.identity(), 1e-13);
    }

    private static double[][] randomSymmetric(Random random, double scale) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                m[i][j] = m[j][i] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    private static double maxAbs(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }
}
