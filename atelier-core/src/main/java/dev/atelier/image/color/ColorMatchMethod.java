package dev.atelier.image.color;

import java.util.Locale;

/**
 * How {@link ColorTransform} picks the matrix A of {@code x' = A (x − μs) + μc}, among the many with
 * {@code A Σs Aᵀ = Σc}; named as {@code --match-colors} names them.
 */
public enum ColorMatchMethod {
    /** {@code A = Lc Ls⁻¹}, from the Cholesky factors {@code Σ = L Lᵀ}; A is lower-triangular. */
    CHOL,
    /** {@code A = Σc^½ Σs^-½}, the square roots taken through the eigendecompositions {@code Σ = Q Λ Qᵀ}. */
    PCA,
    /**
     * {@code A = Σs^-½ (Σs^½ Σc Σs^½)^½ Σs^-½}, the symmetric solution (as in Hertzmann et al.'s "Image
     * Analogies" colour matching); A is symmetric positive definite, the map closest to the identity.
     */
    SYM;

    /** The name as written on the command line: {@code chol}, {@code pca} or {@code sym}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method named {@code chol}, {@code pca} or {@code sym} (any case).
     *
     * @throws IllegalArgumentException for any other name, with a one-line message listing the names
     */
    public static ColorMatchMethod fromName(String name) {
        for (ColorMatchMethod m : values()) {
            if (m.cliName().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("colour matching must be chol, pca or sym, got '" + name + "'");
    }
}
