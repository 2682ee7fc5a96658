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
import dev.atelier.network.DarknetNetwork;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.optimize.Objective;
import dev.atelier.weights.DarknetWeights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's loss terms and gradient norm on Darknet Tiny agree with {@code reference_nst.py check --network
 * darknet-tiny} (src/test/resources/fixtures/make_darknet_fixtures.sh): 96×128 and 75×101 (odd sides, which the
 * network's pools round up), at the content and at numpy's seeded noise, with two layer choices.
 */
class DarknetEquivalenceTest {

    private static DarknetWeights weights;

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(SharedFiles.fixture("darknet-check.json").toFile()).forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndGradientMatchTheReference(JsonNode c) {
        if (weights == null) {
            weights = DarknetWeights.read(SharedFiles.darknet());
        }
        int h = c.get("height").asInt();
        int w = c.get("width").asInt();
        CaffeImage content = CaffeImageFiles.load(SharedFiles.smallImage(c.get("content").asText()), h, w);
        CaffeImage style = CaffeImageFiles.load(SharedFiles.smallImage(c.get("style").asText()), h, w);
        try (NDManager manager = NDManager.newBaseManager()) {
            FeatureNetwork network = new DarknetNetwork(weights, manager);
            java.util.Map<String, Double> contentLayers = LayerWeights.parse(c.get("content_layers").asText(), network);
            // The reference gives every content layer the whole content weight; Atelier's layer weights are
            // relative (normalised to sum 1), so n layers take n times the weight.
            Recipe recipe = new Recipe(Preset.SEED, SeedPreset.CONTENT_WEIGHT * contentLayers.size(), null, null,
                    contentLayers,
                    LayerWeights.parse(c.get("style_layers").asText(), network), null, null, Strength.FULL);
            StyleTransferObjective objective =
                    ObjectiveBuilder.build(network, manager, recipe.lossSpec(network), content, style);
            NDArray x = c.get("init").asText().equals("content") ? Tensors.fromHwc(manager, content.data(), h, w)
                    : Tensors.fromHwc(manager, NoiseInit.doubles(c.get("seed").asLong(), h, w), h, w);
            Objective.Evaluation e = objective.evaluate(x.toType(DataType.FLOAT64, false).reshape(-1));
            LossValues v = objective.lastValues();
            JsonNode ex = c.get("expected");
            // A term that is zero in exact arithmetic (content at the content image) comes out as float32 rounding
            // noise: compare terms to 1e-4 of themselves or 1e-10 of the total.
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
