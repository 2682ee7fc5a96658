package dev.atelier.instant;

import java.nio.file.Path;

/** Opens style networks from files and folders. Placeholder until the instant-styles work lands (issue 13). */
public final class StyleNetworks {

    private StyleNetworks() {
    }

    /** The style network in {@code fileOrFolder} (a deeplearn.js folder, a .pth or a .safetensors file). */
    public static StyleNetwork open(Path fileOrFolder) {
        throw new UnsupportedOperationException("instant styles are not built yet");
    }
}
