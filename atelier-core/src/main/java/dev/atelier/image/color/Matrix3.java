package dev.atelier.image.color;

import java.util.function.DoubleUnaryOperator;

/**
 * The 3x3 linear algebra colour matching needs, on {@code double[3][3]} arrays (row-major, {@code m[row][col]}):
 * products, Cholesky factors, and functions of symmetric matrices through their eigendecomposition (cyclic
 * Jacobi rotations, which for 3x3 converge to machine precision in a few sweeps and cope with repeated
 * eigenvalues, e.g. the covariance of a grey image).
 */
final class Matrix3 {

    private static final int MAX_SWEEPS = 64;

    private Matrix3() {}

    /** An eigendecomposition {@code m = vectors · diag(values) · vectorsᵀ}; eigenvector {@code k} is column k. */
    record Eigen(double[] values, double[][] vectors) {}

    static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[3][];
        for (int i = 0; i < 3; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b, double[][] c) {
        return multiply(multiply(a, b), c);
    }

    static double[][] transpose(double[][] m) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = m[j][i];
            }
        }
        return out;
    }

    /** {@code m + epsilon · I}. */
    static double[][] plusIdentity(double[][] m, double epsilon) {
        double[][] out = copy(m);
        for (int i = 0; i < 3; i++) {
            out[i][i] += epsilon;
        }
        return out;
    }

    /** {@code (m + mᵀ) / 2}: removes the rounding asymmetry of products that are symmetric in exact arithmetic. */
    static double[][] symmetrized(double[][] m) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        return out;
    }

    /**
     * The lower-triangular L with positive diagonal and {@code L Lᵀ = m}, for a symmetric positive definite m.
     *
     * @throws IllegalArgumentException if m is not positive definite
     */
    static double[][] cholesky(double[][] m) {
        double[][] l = new double[3][3];
        for (int j = 0; j < 3; j++) {
            double d = m[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite");
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < 3; i++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** The inverse of a lower-triangular matrix with a non-zero diagonal (itself lower-triangular). */
    static double[][] invertLower(double[][] l) {
        double[][] inv = new double[3][3];
        for (int j = 0; j < 3; j++) {
            inv[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < 3; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * inv[k][j];
                }
                inv[i][j] = s / l[i][i];
            }
        }
        return inv;
    }

    /** The eigendecomposition of a symmetric matrix (only its upper triangle is read), by cyclic Jacobi. */
    static Eigen symmetricEigen(double[][] m) {
        double[][] a = symmetrized(m);
        double[][] v = identity();
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double diagonal = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off == 0 || off <= 1e-32 * diagonal) {
                break;
            }
            rotate(a, v, 0, 1);
            rotate(a, v, 0, 2);
            rotate(a, v, 1, 2);
        }
        return new Eigen(new double[] {a[0][0], a[1][1], a[2][2]}, v);
    }

    /** One Jacobi rotation in the (p, q) plane zeroing {@code a[p][q]}: a ← Jᵀ a J, v ← v J. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.abs(theta) > 1e150
                ? 0.5 / theta
                : Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) { // columns p and q of a · J
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) { // rows p and q of Jᵀ · (a · J)
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < 3; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** {@code f(m) = V · diag(f(λ)) · Vᵀ} for a symmetric matrix m with eigendecomposition V, λ. */
    static double[][] symmetricFunction(double[][] m, DoubleUnaryOperator f) {
        Eigen e = symmetricEigen(m);
        double[][] v = e.vectors();
        double[][] out = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double fk = f.applyAsDouble(e.values()[k]);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    out[i][j] += v[i][k] * fk * v[j][k];
                }
            }
        }
        return out;
    }

    /** The symmetric positive semi-definite square root of a symmetric positive semi-definite matrix. */
    static double[][] sqrt(double[][] m) {
        return symmetricFunction(m, x -> Math.sqrt(Math.max(x, 0)));
    }

    /**
     * The inverse of {@link #sqrt} for a symmetric positive definite matrix.
     *
     * @throws IllegalArgumentException if an eigenvalue is not positive
     */
    static double[][] inverseSqrt(double[][] m) {
        return symmetricFunction(m, x -> {
            if (!(x > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite");
            }
            return 1 / Math.sqrt(x);
        });
    }
}
