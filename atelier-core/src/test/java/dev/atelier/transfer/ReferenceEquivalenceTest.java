package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffeImageFiles;
import dev.atelier.image.NoiseInit;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggNetwork;
import dev.atelier.optimize.Objective;
import dev.atelier.weights.KerasH5Reader;
import dev.atelier.weights.VggWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loss terms and gradient norm agree with {@code reference_nst.py check} (see
 * src/test/resources/fixtures/make_reference_fixtures.sh): both weight files, 96×128 and 64×64, at the content
 * image, a noise PNG, and numpy's seeded noise.
 */
class ReferenceEquivalenceTest {

    private static final Map<String, VggWeights> WEIGHTS = new HashMap<>();

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(SharedFiles.fixture("reference-check.json").toFile()).forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndGradientMatchTheReference(JsonNode c) {
        Path weightsFile = SharedFiles.weights(c.get("weights").asText());
        VggWeights weights = WEIGHTS.computeIfAbsent(weightsFile.toString(), k -> KerasH5Reader.read(weightsFile));
        int h = c.get("height").asInt();
        int w = c.get("width").asInt();
        CaffeImage content = CaffeImageFiles.load(SharedFiles.smallImage(c.get("content").asText()), h, w);
        CaffeImage style = CaffeImageFiles.load(SharedFiles.smallImage(c.get("style").asText()), h, w);
        String init = c.get("init").asText();
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNetwork network = new VggNetwork(weights, manager, Pooling.MAX);
            StyleTransferObjective objective =
                    ObjectiveBuilder.build(network, manager, LossSpec.seed(LossWeights.seed()), content, style);
            NDArray x = switch (init) {
                case "content" -> Tensors.fromHwc(manager, content.data(), h, w);
                case "random" -> Tensors.fromHwc(manager, NoiseInit.doubles(c.get("seed").asLong(), h, w), h, w);
                default -> Tensors.fromHwc(manager, CaffeImageFiles.load(SharedFiles.fixture(init), h, w).data(), h, w);
            };
            x = x.toType(DataType.FLOAT64, false).reshape(-1);
            Objective.Evaluation e = objective.evaluate(x);
            LossValues v = objective.lastValues();
            JsonNode ex = c.get("expected");
            // A term that is zero in exact arithmetic (content at the content image) comes out as float32
            // rounding noise, ~1e-14 of the total: compare terms to 1e-4 of themselves or 1e-10 of the total.
            double floor = Math.abs(ex.get("loss").asDouble()) * 1e-10;
            assertRelative("loss", e.value(), ex.get("loss").asDouble(), 1e-4, floor);
            assertRelative("content", v.content(), ex.get("content").asDouble(), 1e-4, floor);
            assertRelative("style", v.style(), ex.get("style").asDouble(), 1e-4, floor);
            assertRelative("tv", v.tv(), ex.get("tv").asDouble(), 1e-4, floor);
            double gradL2 = Math.sqrt(e.gradient().toType(DataType.FLOAT64, false).square().sum().getDouble());
            assertRelative("grad_l2", gradL2, ex.get("grad_l2").asDouble(), 1e-3, 0);
        }
    }

    private static void assertRelative(String what, double actual, double expected, double tolerance, double floor) {
        assertThat(actual).as(what).isCloseTo(expected, within(Math.max(Math.abs(expected) * tolerance, floor)));
    }
}
