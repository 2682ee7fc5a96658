package dev.atelier.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import dev.atelier.weights.FloatTensor;
import dev.atelier.weights.Safetensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier train} against {@code reference_fast.py train-step} (src/test/resources/train/make_train_fixtures.sh):
 * the same starting network, photos, style and settings, three steps of batch 4 at 64 px, one thread.
 */
class TrainingEquivalenceTest {

    @TempDir
    Path dir;

    private CliRun train(Path lossNetwork, String... weights) throws Exception {
        Path root = SharedFiles.root();
        List<String> args = new ArrayList<>(List.of("train", "--init", TrainFixtures.writeInitialNetwork(dir).toString(),
                "--images", TrainFixtures.photoFolder(dir).toString(),
                "--style", root.resolve("images/starry_night.jpg").toString(), "--crop", "center", "--size", "64",
                "--batch", "4", "--steps", "3", "--threads", "1", "--loss-network", lossNetwork.toString(),
                "--output", dir.resolve("out.safetensors").toString(), "--report", dir.resolve("r.json").toString(),
                "--checkpoint-every", "0", "--quiet"));
        args.addAll(List.of(weights));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private void assertStepsMatch(JsonNode reference) throws Exception {
        JsonNode steps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("r.json").toFile())
                .get("steps");
        assertThat(steps).hasSize(3);
        for (int k = 0; k < 3; k++) {
            double expected = reference.get("losses").get(k).asDouble();
            assertThat(steps.get(k).get("loss").asDouble()).as("loss of step %d", k + 1)
                    .isCloseTo(expected, within(1e-4 * expected));
            assertThat(steps.get(k).get("step").asLong()).isEqualTo(k + 1);
        }
        for (String term : new String[] {"loss", "content", "style", "tv"}) {
            double expected = reference.get(term).asDouble();
            assertThat(steps.get(0).get(term).asDouble()).as("%s of step 1", term)
                    .isCloseTo(expected, within(1e-4 * Math.abs(expected)));
        }
    }

    static Path darknet() {
        return SharedFiles.root().resolve("mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/"
                + "models/darknetclassifier/darknettiny");
    }

    private static final String[] DARKNET_LAYERS = {"--content-layers", "leaky_re_lu_4", "--style-layers",
        "leaky_re_lu_1,leaky_re_lu_2,leaky_re_lu_4,leaky_re_lu_8,leaky_re_lu_12"};

    @Test
    void vgg16RealisticWeightsGiveTheReferenceLossAtEveryStep() throws Exception {
        train(SharedFiles.tinyWeights(), "--content-weight", "1e5", "--style-weight", "1e3", "--tv-weight", "1e5");
        assertStepsMatch(TrainFixtures.json("vgg16-realistic-3-steps.json"));
    }

    @Test
    void vgg16EveryParameterMatchesTheReferenceAfterThreeSteps() throws Exception {
        train(SharedFiles.tinyWeights(), "--content-weight", "1e-12", "--style-weight", "1e-14", "--tv-weight",
                "1e-12", "--lr", "0.02");
        assertStepsMatch(TrainFixtures.json("vgg16-small-3-steps.json"));
        assertParametersMatch("vgg16-small-after-3-steps.safetensors");
    }

    @Test
    void darknetRealisticWeightsGiveTheReferenceLossAtEveryStep() throws Exception {
        train(darknet(), concat(DARKNET_LAYERS, "--content-weight", "1", "--style-weight", "10", "--tv-weight",
                "1e-3"));
        assertStepsMatch(TrainFixtures.json("darknet-realistic-3-steps.json"));
    }

    @Test
    void darknetEveryParameterMatchesTheReferenceAfterThreeSteps() throws Exception {
        train(darknet(), concat(DARKNET_LAYERS, "--content-weight", "1e-10", "--style-weight", "1e-9",
                "--tv-weight", "1e-13", "--lr", "0.05"));
        assertStepsMatch(TrainFixtures.json("darknet-small-3-steps.json"));
        assertParametersMatch("darknet-small-after-3-steps.safetensors");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void assertParametersMatch(String fixture) {
        Map<String, FloatTensor> ours = Safetensors.read(dir.resolve("out.safetensors")).tensors();
        Map<String, FloatTensor> reference = Safetensors.read(TrainFixtures.resource(fixture)).tensors();
        Map<String, FloatTensor> init = TrainFixtures.initialNetwork(0);
        assertThat(ours.keySet()).isEqualTo(reference.keySet());
        double movedMost = 0;
        for (String name : reference.keySet()) {
            assertThat(ours.get(name).shape()).isEqualTo(reference.get(name).shape());
            assertThat(TrainFixtures.relativeL2(ours.get(name).values(), reference.get(name).values()))
                    .as(name).isLessThan(1e-4);
            movedMost = Math.max(movedMost, TrainFixtures.relativeL2(reference.get(name).values(),
                    init.get(name).values()));
        }
        // The comparison means something only if training moved the parameters well beyond the tolerance.
        assertThat(movedMost).isGreaterThan(2e-3);
    }
}
