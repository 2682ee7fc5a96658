package dev.atelier.image;

import dev.atelier.Digests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.image.random.NumpyGenerator;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The reference's random images against numpy-noise.json (made by numpy_noise_fixture.py), to the bit. */
class NoiseInitTest {

    static JsonNode fixture() throws IOException {
        try (InputStream in = NoiseInitTest.class.getResourceAsStream("/image/numpy-noise.json")) {
            assertThat(in).as("test resource /image/numpy-noise.json").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void initialImageEqualsNumpy() throws IOException {
        for (JsonNode entry : fixture().get("noise_init")) {
            long seed = entry.get("seed").asLong();
            int height = entry.get("height").asInt();
            int width = entry.get("width").asInt();

            double[] x = NoiseInit.doubles(seed, height, width);
            float[] f = NoiseInit.floats(seed, height, width);
            CaffeImage image = NoiseInit.image(seed, height, width);

            assertThat(x).hasSize(height * width * 3);
            JsonNode first = entry.get("first6");
            for (int i = 0; i < first.size(); i++) {
                assertThat(Double.doubleToRawLongBits(x[i])).as("seed %d value %d", seed, i)
                        .isEqualTo(Double.doubleToRawLongBits(first.get(i).asDouble()));
            }
            assertThat(Digests.sha256OfDoubles(x, x.length)).as("float64, seed %d", seed).isEqualTo(entry.get("sha256_float64le").asText());
            assertThat(Digests.sha256OfFloats(f)).as("float32, seed %d", seed)
                    .isEqualTo(entry.get("sha256_float32le").asText());
            assertThat(image.data()).containsExactly(f);
            assertThat(image.height()).isEqualTo(height);
            assertThat(image.width()).isEqualTo(width);
        }
    }

    @Test
    void initialImageLiesInMinus128To127() {
        for (double v : NoiseInit.doubles(3, 20, 30)) {
            assertThat(v).isBetween(-128.0, 127.0);
        }
    }

    @Test
    void syntheticContentAndStyleEqualNumpy() throws IOException {
        for (JsonNode entry : fixture().get("synthetic")) {
            int height = entry.get("height").asInt();
            int width = entry.get("width").asInt();
            NumpyGenerator rng = NumpyGenerator.defaultRng(entry.get("seed").asLong());

            CaffeImage content = NoiseInit.synthetic(rng, height, width);
            CaffeImage style = NoiseInit.synthetic(rng, height, width);

            JsonNode first = entry.get("content_first6");
            for (int i = 0; i < first.size(); i++) {
                assertThat(content.data()[i]).isEqualTo((float) first.get(i).asDouble());
            }
            assertThat(Digests.sha256OfFloats(content.data())).isEqualTo(entry.get("content_sha256_float32le").asText());
            assertThat(Digests.sha256OfFloats(style.data())).isEqualTo(entry.get("style_sha256_float32le").asText());
        }
    }
}
