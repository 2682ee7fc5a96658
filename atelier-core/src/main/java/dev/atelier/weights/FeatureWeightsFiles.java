package dev.atelier.weights;

import dev.atelier.network.FeatureWeights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the weights of any feature network Atelier runs: a TF.js layers model (its folder, or its {@code model.json})
 * as Darknet, else a VGG weights file in any format {@link WeightsFiles} reads.
 */
public final class FeatureWeightsFiles {

    private FeatureWeightsFiles() {}

    public static FeatureWeights read(Path path) {
        return isTfjs(path) ? DarknetWeights.read(path) : WeightsFiles.read(path);
    }

    /** A folder (holding model.json), a file named {@code *.json}, or a file that starts like a JSON object. */
    static boolean isTfjs(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            for (int i = 0; i < 64; i++) {
                int b = in.read();
                if (b == '{') {
                    return true;
                }
                if (b < 0 || !Character.isWhitespace(b)) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
