package dev.atelier.image.animation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderedDitherQuantizerTest {

    @Test
    void thePaletteIsSixBySevenBySixEvenLevels() {
        IndexColorModel palette = OrderedDitherQuantizer.palette();
        assertThat(palette.getMapSize()).isEqualTo(256);
        assertThat(palette.getRGB(0) & 0xFFFFFF).isZero();
        assertThat(palette.getRGB(251) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        // red level 1, green level 3, blue level 5
        assertThat(palette.getRGB((1 * 7 + 3) * 6 + 5) & 0xFFFFFF).isEqualTo(51 << 16 | 128 << 8 | 255);
    }

    @Test
    void paletteColoursAreKeptExactly() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        IndexColorModel palette = OrderedDitherQuantizer.palette();
        for (int i = 0; i < 256; i++) {
            image.setRGB(i % 16, i / 16, palette.getRGB(Math.min(i, 251)));
        }
        BufferedImage indexed = OrderedDitherQuantizer.toIndexed(image);
        assertThat(indexed.getType()).isEqualTo(BufferedImage.TYPE_BYTE_INDEXED);
        for (int i = 0; i < 256; i++) {
            assertThat(indexed.getRGB(i % 16, i / 16)).isEqualTo(image.getRGB(i % 16, i / 16));
        }
    }

    @Test
    void eachEightByEightTileAveragesToTheTrueColour() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int rgb = random.nextInt(1 << 24);
            BufferedImage flat = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    flat.setRGB(x, y, rgb);
                }
            }
            BufferedImage indexed = OrderedDitherQuantizer.toIndexed(flat);
            for (int shift = 0; shift <= 16; shift += 8) {
                double sum = 0;
                int maxError = 0;
                int want = (rgb >> shift) & 0xFF;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int got = (indexed.getRGB(x, y) >> shift) & 0xFF;
                        sum += got;
                        maxError = Math.max(maxError, Math.abs(got - want));
                    }
                }
                // a level step is 51 (red, blue) or 42-43 (green); the 64 thresholds resolve it to 1/128 of that
                assertThat(sum / 64).as("colour %06x, shift %d", rgb, shift).isCloseTo(want, within(0.41));
                assertThat(maxError).isLessThanOrEqualTo(51);
            }
        }
    }
}
