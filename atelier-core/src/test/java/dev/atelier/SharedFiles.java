package dev.atelier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (weights, reference images) for tests; tests that need it are skipped where it is absent. */
public final class SharedFiles {

    private SharedFiles() {}

    public static Path root() {
        String env = System.getenv("ATELIER_SHARED");
        Path root = env != null ? Path.of(env) : Path.of("..", "shared");
        assumeTrue(Files.isDirectory(root), "shared folder not found at " + root.toAbsolutePath());
        return root;
    }

    public static Path weights(String name) {
        return root().resolve("weights").resolve(name);
    }

    public static Path tinyWeights() {
        return weights("vgg16-tiny-div8-seed0-keras-layout.h5");
    }

    public static Path smallImage(String name) {
        return root().resolve("images").resolve("small").resolve(name);
    }

    /** Darknet Tiny's TF.js layers model (model.json and its shards) in the mirror. */
    public static Path darknet() {
        return root().resolve("mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/"
                + "darknetclassifier/darknettiny");
    }

    public static Path fixture(String name) {
        return Path.of("src", "test", "resources", "fixtures", name);
    }
}
