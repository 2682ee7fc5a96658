package dev.atelier.instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.weights.WeightsException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The johnson family against {@code reference_fast.py} (fixtures: src/test/resources/instant/make_instant_fixtures.sh):
 * every container the reference writes holds the same parameters, and the forward pass gives the reference's
 * pictures and raw output.
 */
class TransformerNetTest {

    private static final Path SAFETENSORS = PictureComparison.fixture("johnson-seed1.safetensors");

    @ParameterizedTest
    @ValueSource(strings = {"johnson-seed1-legacy.pth", "johnson-seed1-zip.pth", "johnson-seed1-legacy-oldkeys.pth",
        "johnson-seed1-zip-oldkeys.pth", "johnson-seed1-oldkeys.safetensors"})
    void everyContainerHoldsTheSameNetwork(String file) {
        try (TransformerNet expected = TransformerNet.load(SAFETENSORS, Device.cpu());
             TransformerNet actual = TransformerNet.load(PictureComparison.fixture(file), Device.cpu())) {
            Map<String, float[]> e = expected.values();
            Map<String, float[]> a = actual.values();
            assertThat(a.keySet()).containsExactlyElementsOf(TransformerNet.SHAPES.keySet());
            for (String k : e.keySet()) {
                assertThat(java.util.Arrays.equals(a.get(k), e.get(k))).as(k + " equal").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"64x64", "101x75", "512x384"})
    void picturesMatchTheReference(String size) {
        try (StyleNetwork net = StyleNetworks.open(PictureComparison.fixture("johnson-scaled.safetensors"), Device.cpu())) {
            BufferedImage photo = PictureComparison.read(PictureComparison.fixture("tubingen-" + size + ".png"));
            BufferedImage painted = net.apply(photo);
            PictureComparison.assertAgrees(painted, PictureComparison.fixture("johnson-scaled-" + size + ".png"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"64x64", "101x75"})
    void rawOutputMatchesTheReference(String size) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(PictureComparison.fixture("johnson-seed1-" + size + ".json").toFile());
        BufferedImage photo = PictureComparison.read(PictureComparison.fixture("tubingen-" + size + ".png"));
        int w = photo.getWidth();
        int h = photo.getHeight();
        try (TransformerNet net = TransformerNet.load(PictureComparison.fixture("johnson-seed1-zip-oldkeys.pth"), Device.cpu());
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray raw = net.forward(m.create(StyleImages.toPlanar(photo), new Shape(1, 3, h, w)));
            assertThat(raw.getShape()).isEqualTo(new Shape(1, 3, 4 * ((h + 3) / 4), 4 * ((w + 3) / 4)));
            float[] v = raw.get(":, :, :" + h + ", :" + w).toFloatArray();
            double sum = 0;
            double squares = 0;
            for (float x : v) {
                sum += x;
                squares += (double) x * x;
            }
            double l2 = expected.get("raw_l2").asDouble();
            assertThat(Math.sqrt(squares)).isCloseTo(l2, within(l2 * 1e-4));
            // the sum is small against the values' spread: compare it on that scale
            assertThat(sum).isCloseTo(expected.get("raw_sum").asDouble(), within(l2 * 1e-3));
            PictureComparison.assertAgrees(net.apply(photo), PictureComparison.fixture("johnson-seed1-" + size + ".png"));
        }
    }

    @Test
    void aBatchIsPaintedAsEachImageAlone() {
        BufferedImage a = PictureComparison.read(PictureComparison.fixture("tubingen-64x64.png"));
        try (TransformerNet net = TransformerNet.load(PictureComparison.fixture("johnson-scaled.safetensors"), Device.cpu());
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray one = m.create(StyleImages.toPlanar(a), new Shape(1, 3, 64, 64));
            NDArray flipped = one.flip(3);
            NDArray batch = one.concat(flipped, 0);
            float[] together = net.paint(batch).toFloatArray();
            float[] alone = net.paint(flipped).toFloatArray();
            int per = 3 * 64 * 64;
            for (int i = 0; i < per; i++) {
                assertThat(together[per + i]).isCloseTo(alone[i], within(1e-3f));
            }
        }
    }

    @Test
    void vggWeightsAreRefusedInOneLine() {
        assertThatThrownBy(() -> TransformerNet.load(Path.of("src/test/resources/weights/vgg16-div16-zip.pth"), Device.cpu()))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("is not a TransformerNet")
                .hasMessageContaining("VGG weights are for stylize")
                .hasMessageNotContaining("\n");
    }
}
