package dev.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Photos with EXIF orientation 1..8 (src/test/resources/image/exif, made by PIL) read upright, as PIL's
 * ImageOps.exif_transpose shows them, from files and from bytes (uploads), with upright sizes from probe.
 */
class ExifOrientationTest {

    private static final Path DIR = Path.of("src/test/resources/image/exif");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationReadsUpright(int orientation) throws IOException {
        Path jpeg = DIR.resolve("orientation-" + orientation + ".jpg");
        BufferedImage expected = ImageIO.read(DIR.resolve("orientation-" + orientation + "-upright.png").toFile());
        for (BufferedImage actual : new BufferedImage[] {ImageLoader.read(jpeg),
            ImageLoader.read(Files.readAllBytes(jpeg), "upload.jpg")}) {
            assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
            assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
            int worst = 0;
            for (int y = 0; y < actual.getHeight(); y++) {
                for (int x = 0; x < actual.getWidth(); x++) {
                    for (int s = 0; s <= 16; s += 8) {
                        worst = Math.max(worst, Math.abs(((actual.getRGB(x, y) >> s) & 0xFF)
                                - ((expected.getRGB(x, y) >> s) & 0xFF)));
                    }
                }
            }
            // JPEG decoders differ by a few levels at block edges; a wrong turn or mirror differs by ~200
            assertThat(worst).as("largest channel difference, orientation " + orientation).isLessThan(40);
        }
        ImageInfo info = ImageLoader.probe(jpeg);
        assertThat(new int[] {info.width(), info.height()}).containsExactly(expected.getWidth(), expected.getHeight());
    }
}
