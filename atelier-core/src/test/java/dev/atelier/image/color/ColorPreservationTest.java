package dev.atelier.image.color;

import static dev.atelier.image.color.ColorTestImages.content;
import static dev.atelier.image.color.ColorTestImages.meanAndStd;
import static dev.atelier.image.color.ColorTestImages.pixels;
import static dev.atelier.image.color.ColorTestImages.style;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ColorPreservationTest {

    @Test
    void lumaIsBt601() {
        assertThat(Luminance.of(0xFF0000)).isEqualTo(0.299 * 255);
        assertThat(Luminance.of(0x00FF00)).isEqualTo(0.587 * 255);
        assertThat(Luminance.of(0x0000FF)).isEqualTo(0.114 * 255);
        assertThat(Luminance.of(0x808080)).isCloseTo(128, within(1e-12));
    }

    @Test
    void luminanceImageIsGreyWithTheRoundedLuma() {
        BufferedImage image = content(9, 7);
        BufferedImage grey = ColorPreservation.luminanceImage(image);

        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(grey.getWidth()).isEqualTo(9);
        assertThat(grey.getHeight()).isEqualTo(7);
        int[] in = pixels(image);
        int[] out = pixels(grey);
        for (int p = 0; p < in.length; p++) {
            int r = (out[p] >> 16) & 0xFF;
            assertThat((out[p] >> 8) & 0xFF).isEqualTo(r);
            assertThat(out[p] & 0xFF).isEqualTo(r);
            assertThat((double) r).isCloseTo(ColorTestImages.y(in[p]), within(0.5 + 1e-9));
        }
        // grey stays as it is
        assertThat(pixels(ColorPreservation.luminanceImage(grey))).containsExactly(out);
    }

    @Test
    void matchLuminanceGivesTheContentsMeanAndStandardDeviation() {
        BufferedImage style = style(13, 11);
        BufferedImage content = content(10, 14);
        double[] target = meanAndStd(ys(content));
        double[] before = meanAndStd(ys(style));
        assertThat(Math.abs(before[0] - target[0])).isGreaterThan(5);

        float[] matched = ColorPreservation.matchedLuminance(style, content);
        double[] exact = meanAndStd(toDoubles(matched));
        assertThat(exact[0]).isCloseTo(target[0], within(1e-4));
        assertThat(exact[1]).isCloseTo(target[1], within(1e-4));

        BufferedImage image = ColorPreservation.matchLuminance(style, content);
        assertThat(image.getWidth()).isEqualTo(13);
        assertThat(image.getHeight()).isEqualTo(11);
        double[] rounded = meanAndStd(ys(image));
        assertThat(rounded[0]).isCloseTo(target[0], within(0.1));
        assertThat(rounded[1]).isCloseTo(target[1], within(0.1));
        // it is a linear remap of the style's luma: order is kept
        float[] ys = Luminance.plane(style);
        for (int i = 1; i < ys.length; i++) {
            assertThat(Math.signum(matched[i] - matched[0])).isEqualTo(Math.signum(ys[i] - ys[0]));
        }
    }

    @Test
    void matchLuminanceAcceptsLuminanceImagesAsTheCallerPassesThem() {
        BufferedImage style = style(8, 8);
        BufferedImage content = content(8, 8);
        BufferedImage fromGrey = ColorPreservation.matchLuminance(ColorPreservation.luminanceImage(style),
                ColorPreservation.luminanceImage(content));
        double[] target = meanAndStd(ys(ColorPreservation.luminanceImage(content)));
        double[] got = meanAndStd(ys(fromGrey));
        assertThat(got[0]).isCloseTo(target[0], within(0.1));
        assertThat(got[1]).isCloseTo(target[1], within(0.1));
    }

    @Test
    void aFlatStyleBecomesTheContentsMean() {
        BufferedImage content = content(6, 5);
        float[] matched = ColorPreservation.matchedLuminance(ColorTestImages.flat(4, 4, 0x336699), content);
        double mean = meanAndStd(ys(content))[0];
        for (float v : matched) {
            assertThat((double) v).isCloseTo(mean, within(1e-4));
        }
    }

    @Test
    void recombineKeepsTheContentsChromaAndTheStylizedLuma() {
        BufferedImage content = content(12, 10);
        // a "stylized" luminance image: grey, unrelated structure, within a range that does not clip the result
        BufferedImage stylized = ColorTestImages.rgb(12, 10, (x, y) -> {
            int g = 100 + (int) (25 * Math.sin(x * 1.3 + y * 0.4));
            return g << 16 | g << 8 | g;
        });

        BufferedImage out = ColorPreservation.recombine(stylized, content);

        int[] c = pixels(content);
        int[] s = pixels(stylized);
        int[] o = pixels(out);
        double maxChroma = 0;
        for (int p = 0; p < o.length; p++) {
            assertThat(ColorTestImages.y(o[p])).isCloseTo(ColorTestImages.y(s[p]), within(0.5 + 1e-9));
            // rounding each channel by at most 0.5 moves U by at most 0.492 and V by at most 0.877
            assertThat(ColorTestImages.u(o[p])).isCloseTo(ColorTestImages.u(c[p]), within(0.5));
            assertThat(ColorTestImages.v(o[p])).isCloseTo(ColorTestImages.v(c[p]), within(0.88));
            maxChroma = Math.max(maxChroma, Math.abs(ColorTestImages.u(c[p])) + Math.abs(ColorTestImages.v(c[p])));
        }
        assertThat(maxChroma).as("the content has colour to keep").isGreaterThan(20);
    }

    @Test
    void recombineWithAColouredStylizedImageUsesItsLuma() {
        BufferedImage content = content(6, 6);
        BufferedImage stylized = style(6, 6);
        int[] o = pixels(ColorPreservation.recombine(stylized, content));
        int[] s = pixels(stylized);
        int[] c = pixels(content);
        for (int p = 0; p < o.length; p++) {
            assertThat(ColorTestImages.y(o[p])).isCloseTo(ColorTestImages.y(s[p]), within(0.5 + 1e-9));
            assertThat(ColorTestImages.u(o[p])).isCloseTo(ColorTestImages.u(c[p]), within(0.5));
        }
    }

    @Test
    void recombineOfTheContentWithItsOwnLumaIsTheContent() {
        BufferedImage content = content(7, 9);
        assertThat(pixels(ColorPreservation.recombine(content, content))).containsExactly(pixels(content));
    }

    @Test
    void recombineClampsOutOfRangeColours() {
        BufferedImage content = ColorTestImages.flat(2, 1, 0xFF2010);
        BufferedImage white = ColorTestImages.flat(2, 1, 0xFFFFFF);
        BufferedImage black = ColorTestImages.flat(2, 1, 0x000000);
        // Y(content) = 0.299 * 255 + 0.587 * 32 + 0.114 * 16 = 96.853
        // white: +158.147 -> (413.1, 190.1, 174.1), red clamped; black: -96.853 -> (158.1, -64.9, -80.9)
        assertThat(pixels(ColorPreservation.recombine(white, content))[0] & 0xFFFFFF).isEqualTo(0xFFBEAE);
        assertThat(pixels(ColorPreservation.recombine(black, content))[0] & 0xFFFFFF).isEqualTo(0x9E0000);
    }

    @Test
    void recombineRejectsDifferentSizes() {
        assertThatThrownBy(() -> ColorPreservation.recombine(style(4, 4), content(4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x4").hasMessageContaining("4x5");
    }

    @Test
    void subImagesAreReadAsThemselves() {
        BufferedImage big = content(10, 10);
        BufferedImage sub = big.getSubimage(3, 4, 5, 5);
        assertThat(pixels(ColorPreservation.luminanceImage(sub)))
                .containsExactly(pixels(ColorPreservation.luminanceImage(copy(sub))));
    }

    static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, image.getWidth(), image.getHeight(), pixels(image), 0, image.getWidth());
        return out;
    }

    private static double[] ys(BufferedImage image) {
        int[] p = pixels(image);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = ColorTestImages.y(p[i]);
        }
        return out;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
