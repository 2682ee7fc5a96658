package dev.atelier.image.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Colour matching against numpy/scipy: {@code src/test/resources/image/color/color_match_fixture.json}, made by
 * {@code make_color_match_fixture.py} next to it (command at its top), holds two small images, their moments and
 * the three methods' matrices as numpy's Cholesky and eigh and scipy's sqrtm give them.
 */
class ColorMatchingAgainstNumpyTest {

    private static final Path FIXTURE = Path.of("src", "test", "resources", "image", "color",
            "color_match_fixture.json");

    @Test
    void matricesAndMomentsMatchNumpy() throws IOException {
        JsonNode f = new ObjectMapper().readTree(FIXTURE.toFile());
        assertThat(f.get("epsilon").asDouble()).isEqualTo(ColorTransform.EPSILON);
        BufferedImage style = image(f.get("style"));
        BufferedImage content = image(f.get("content"));
        ColorStatistics s = ColorStatistics.of(style);
        ColorStatistics c = ColorStatistics.of(content);
        assertRelative(s.mean(), vector(f.get("style_mean")), 1e-12);
        assertRelative(c.mean(), vector(f.get("content_mean")), 1e-12);
        assertRelative(s.covariance(), matrix(f.get("style_covariance")), 1e-10);
        assertRelative(c.covariance(), matrix(f.get("content_covariance")), 1e-10);

        for (ColorMatchMethod method : ColorMatchMethod.values()) {
            double[][] expected = matrix(f.get("matrices").get(method.cliName()));
            double[][] got = ColorTransform.between(s, c, method).matrix();
            assertRelative(got, expected, 1e-8);

            double[] firstPixel = vector(f.get("recoloured_first_pixel").get(method.cliName()));
            FloatRgbImage recoloured = ColorMatching.matchColorsUnclamped(style, content, method);
            for (int ch = 0; ch < 3; ch++) {
                assertThat((double) recoloured.get(0, 0, ch)).as("%s channel %d", method, ch)
                        .isCloseTo(firstPixel[ch], within(1e-3));
            }
        }
    }

    private static BufferedImage image(JsonNode node) {
        int width = node.get("width").asInt();
        int height = node.get("height").asInt();
        JsonNode rgb = node.get("rgb");
        return ColorTestImages.rgb(width, height, (x, y) -> {
            int i = (y * width + x) * 3;
            return rgb.get(i).asInt() << 16 | rgb.get(i + 1).asInt() << 8 | rgb.get(i + 2).asInt();
        });
    }

    private static double[] vector(JsonNode node) {
        return new double[] {node.get(0).asDouble(), node.get(1).asDouble(), node.get(2).asDouble()};
    }

    private static double[][] matrix(JsonNode node) {
        return new double[][] {vector(node.get(0)), vector(node.get(1)), vector(node.get(2))};
    }

    private static void assertRelative(double[] got, double[] expected, double relative) {
        for (int i = 0; i < 3; i++) {
            assertThat(got[i]).as("[%d]", i).isCloseTo(expected[i], within(relative * Math.abs(expected[i]) + 1e-12));
        }
    }

    /** Each entry within {@code relative} times the largest entry's magnitude. */
    private static void assertRelative(double[][] got, double[][] expected, double relative) {
        double scale = 0;
        for (double[] row : expected) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(got[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(relative * scale));
            }
        }
    }
}
