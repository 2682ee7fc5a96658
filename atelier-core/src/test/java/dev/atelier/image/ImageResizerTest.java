package dev.atelier.image;

import static dev.atelier.image.TestImages.pattern;
import static dev.atelier.image.TestImages.rgbPixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageResizerTest {

    @Test
    void longestSideKeepsTheAspectRatio() {
        assertThat(new ImageSize(128, 96).withLongestSide(64)).isEqualTo(new ImageSize(64, 48));
        assertThat(new ImageSize(96, 128).withLongestSide(64)).isEqualTo(new ImageSize(48, 64));
        assertThat(new ImageSize(64, 48).withLongestSide(128)).isEqualTo(new ImageSize(128, 96));
        assertThat(new ImageSize(100, 100).withLongestSide(7)).isEqualTo(new ImageSize(7, 7));
        assertThat(new ImageSize(1024, 768).withLongestSide(512)).isEqualTo(new ImageSize(512, 384));
    }

    @Test
    void longestSideRoundsToNearestAndKeepsAtLeastOnePixel() {
        assertThat(new ImageSize(1, 1000).withLongestSide(64)).isEqualTo(new ImageSize(1, 64));
        assertThat(new ImageSize(1000, 1).withLongestSide(64)).isEqualTo(new ImageSize(64, 1));
        assertThat(new ImageSize(3, 1000).withLongestSide(100)).isEqualTo(new ImageSize(1, 100)); // 0.3 -> 1
        assertThat(new ImageSize(3, 2).withLongestSide(4)).isEqualTo(new ImageSize(4, 3)); // 2.67 -> 3
        assertThat(new ImageSize(3, 2).withLongestSide(5)).isEqualTo(new ImageSize(5, 3)); // 3.33 -> 3
        assertThat(new ImageSize(6, 3).withLongestSide(3)).isEqualTo(new ImageSize(3, 2)); // 1.5 -> 2 (halves up)
        assertThat(new ImageSize(1, 1).withLongestSide(5)).isEqualTo(new ImageSize(5, 5));
    }

    @Test
    void sizesMustBePositive() {
        assertThatThrownBy(() -> new ImageSize(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageSize(5, 5).withLongestSide(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageResizer.resize(pattern(4, 4), 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resizesToExactSizes() {
        BufferedImage image = pattern(128, 96);
        int[][] sizes = {{64, 48}, {200, 150}, {1, 1}, {3, 2}, {128, 1}, {1, 96}, {127, 97}, {300, 20}};
        for (int[] size : sizes) {
            BufferedImage out = ImageResizer.resize(image, size[0], size[1]);
            assertThat(out.getWidth()).as("width for %dx%d", size[0], size[1]).isEqualTo(size[0]);
            assertThat(out.getHeight()).as("height for %dx%d", size[0], size[1]).isEqualTo(size[1]);
            assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        }
    }

    @Test
    void resizesByLongestSide() {
        BufferedImage landscape = ImageResizer.resizeLongestSide(pattern(128, 96), 64);
        assertThat(landscape.getWidth()).isEqualTo(64);
        assertThat(landscape.getHeight()).isEqualTo(48);

        BufferedImage sliver = ImageResizer.resizeLongestSide(pattern(1, 1000), 64);
        assertThat(sliver.getWidth()).isEqualTo(1);
        assertThat(sliver.getHeight()).isEqualTo(64);

        BufferedImage enlarged = ImageResizer.resizeLongestSide(pattern(4, 3), 40);
        assertThat(enlarged.getWidth()).isEqualTo(40);
        assertThat(enlarged.getHeight()).isEqualTo(30);
    }

    @Test
    void sameSizeIsANoOpWithIdenticalPixels() {
        BufferedImage rgb = pattern(17, 9);
        assertThat(ImageResizer.resize(rgb, 17, 9)).isSameAs(rgb);
        assertThat(ImageResizer.resizeLongestSide(rgb, 17)).isSameAs(rgb);

        BufferedImage bgr = new BufferedImage(17, 9, BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(rgb, 0, 0, null);
        BufferedImage out = ImageResizer.resize(bgr, 17, 9);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(rgbPixels(out)).containsExactly(rgbPixels(rgb));
    }

    @Test
    void aFlatColourStaysExactlyThatColour() {
        BufferedImage flat = TestImages.rgb(50, 40, (x, y) -> 0x3C7A19);
        int[][] sizes = {{25, 20}, {10, 8}, {120, 97}, {1, 64}, {2, 2}, {50, 1}};
        for (int[] size : sizes) {
            assertThat(rgbPixels(ImageResizer.resize(flat, size[0], size[1])))
                    .as("%dx%d", size[0], size[1])
                    .containsOnly(0x3C7A19);
        }
    }

    @Test
    void shrinkingFiltersRatherThanPicksPixels() {
        // vertical stripes one pixel wide, black and white: nearest-neighbour would keep pure black or white
        BufferedImage stripes = TestImages.rgb(64, 16, (x, y) -> x % 2 == 0 ? 0x000000 : 0xFFFFFF);
        BufferedImage half = ImageResizer.resize(stripes, 32, 8);
        for (int p : rgbPixels(half)) {
            assertThat(p & 0xFF).isBetween(64, 192);
        }
    }

    @Test
    void shrinkingAGradientKeepsItsOrderAndRange() {
        BufferedImage gradient = TestImages.rgb(256, 4, (x, y) -> x * 0x010101);
        int[] row = rgbPixels(ImageResizer.resize(gradient, 64, 1));
        for (int x = 1; x < row.length; x++) {
            assertThat(row[x] & 0xFF).isGreaterThanOrEqualTo(row[x - 1] & 0xFF);
        }
        assertThat(row[0] & 0xFF).isLessThan(8);
        assertThat(row[63] & 0xFF).isGreaterThan(240);
    }
}
