package dev.atelier.weights;

import java.util.Locale;

/**
 * A published checksum: the whole hex digest, or (for torchvision's files, whose names carry the first 8 hex
 * digits of their SHA-256) a prefix of it.
 */
public record Checksum(Algorithm algorithm, String hex, boolean prefixOnly) {

    public enum Algorithm {
        MD5("MD5", "MD5"), SHA256("SHA-256", "SHA-256");

        private final String label;
        private final String javaName;

        Algorithm(String label, String javaName) {
            this.label = label;
            this.javaName = javaName;
        }

        public String label() {
            return label;
        }

        String javaName() {
            return javaName;
        }
    }

    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("checksum '" + hex + "' is not hexadecimal");
        }
    }

    public static Checksum md5(String hex) {
        return new Checksum(Algorithm.MD5, hex, false);
    }

    public static Checksum sha256(String hex) {
        return new Checksum(Algorithm.SHA256, hex, false);
    }

    public static Checksum sha256Prefix(String hex) {
        return new Checksum(Algorithm.SHA256, hex, true);
    }

    /** Whether a file whose digest is {@code actualHex} (in this algorithm) is the published one. */
    public boolean matches(String actualHex) {
        String actual = actualHex.toLowerCase(Locale.ROOT);
        return prefixOnly ? actual.startsWith(hex) : actual.equals(hex);
    }

    /** E.g. "MD5 6d6bbae1…" or "SHA-256 starting 397923af (only these digits are published)". */
    public String describe() {
        return algorithm.label + " " + hex + (prefixOnly ? "… (first " + hex.length() + " hex digits, from the file name)" : "");
    }
}
