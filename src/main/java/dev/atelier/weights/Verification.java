package dev.atelier.weights;

import java.nio.file.Path;

/** What checking a cached model found: whether its file is there, and if so whether it is the published one. */
public record Verification(KnownModel model, Path file, boolean cached, String problem) {

    public boolean intact() {
        return cached && problem == null;
    }
}
