package dev.atelier.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.SharedFiles;
import dev.atelier.image.random.NumpyGenerator;
import dev.atelier.instant.TransformerNet;
import dev.atelier.weights.FloatTensor;
import dev.atelier.weights.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The training fixtures of src/test/resources/train (made by make_train_fixtures.sh) and what they need. */
final class TrainFixtures {

    static final List<String> PHOTOS = List.of("astronaut.jpg", "autumn-leaf.jpg", "beach-waves.jpg",
            "building-facade.jpg");

    private TrainFixtures() {}

    static Path resource(String name) {
        return Path.of("src", "test", "resources", "train", name);
    }

    static JsonNode json(String name) throws IOException {
        return new ObjectMapper().readTree(resource(name).toFile());
    }

    /** The four photos of the fixtures as 0.jpg..3.jpg in a new folder (name order = the reference's list order). */
    static Path photoFolder(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < PHOTOS.size(); i++) {
            Files.copy(SharedFiles.root().resolve("photos").resolve(PHOTOS.get(i)), folder.resolve(i + ".jpg"));
        }
        return folder;
    }

    /** make_train_init.py's starting network, drawn with the same numpy generator, as a parameter map. */
    static Map<String, FloatTensor> initialNetwork(long seed) {
        NumpyGenerator rng = NumpyGenerator.defaultRng(seed);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (String name : new TreeMap<>(TransformerNet.SHAPES).keySet()) {
            long[] shape = TransformerNet.SHAPES.get(name).getShape();
            int n = (int) TransformerNet.SHAPES.get(name).size();
            double[] v;
            if (name.contains(".conv2d.")) {
                long[] w = TransformerNet.SHAPES.get(name.substring(0, name.lastIndexOf('.')) + ".weight").getShape();
                double b = 1 / Math.sqrt(w[1] * w[2] * w[3]);
                v = rng.uniform(-b, b, n);
            } else if (name.endsWith(".weight")) {
                v = rng.uniform(-0.1, 0.1, n);
                for (int i = 0; i < n; i++) {
                    v[i] = 1 + v[i];
                }
            } else {
                v = rng.uniform(-0.1, 0.1, n);
            }
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) v[i];
            }
            out.put(name, new FloatTensor(shape, f));
        }
        return out;
    }

    static Path writeInitialNetwork(Path dir) throws IOException {
        Path file = dir.resolve("init.safetensors");
        Safetensors.write(file, initialNetwork(0), Map.of());
        return file;
    }

    /** ‖a − b‖ / ‖b‖ in double. */
    static double relativeL2(float[] a, float[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            diff += d * d;
            norm += (double) b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }
}
