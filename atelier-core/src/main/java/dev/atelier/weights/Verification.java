package dev.atelier.weights;

import java.nio.file.Path;

/**
 * What checking a cached model found: whether its file (or folder) is there, and if so whether it is the published
 * one ({@code problem} null) or how it differs.
 */
public record Verification(String model, Path file, boolean cached, String problem) {

    public boolean intact() {
        return cached && problem == null;
    }
}
