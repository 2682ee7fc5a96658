package dev.atelier.instant;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The yardstick for a picture against the reference's PNG: ≥ 99.9% of bytes equal, none off by more than 1. */
final class PictureComparison {

    private PictureComparison() {}

    static Path fixture(String name) {
        return Path.of("src", "test", "resources", "instant", name);
    }

    static BufferedImage read(Path png) {
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            return rgb;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** [bytes, bytes equal, largest difference]. */
    static long[] compare(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        long equal = 0;
        long total = 0;
        long largest = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((a >> shift) & 0xFF) - ((e >> shift) & 0xFF));
                    total++;
                    equal += d == 0 ? 1 : 0;
                    largest = Math.max(largest, d);
                }
            }
        }
        return new long[] {total, equal, largest};
    }

    static void assertAgrees(BufferedImage actual, Path expectedPng) {
        long[] c = compare(actual, read(expectedPng));
        assertThat((double) c[1] / c[0]).as("share of equal bytes against " + expectedPng).isGreaterThanOrEqualTo(0.999);
        assertThat(c[2]).as("largest byte difference against " + expectedPng).isLessThanOrEqualTo(1);
    }
}
