package dev.atelier.image;

import static dev.atelier.image.TestImages.rgbPixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaffePreprocessingTest {

    @TempDir
    Path dir;

    /** Every value 0..255 in every channel, in different combinations. */
    static BufferedImage allValues() {
        return TestImages.rgb(256, 3, (x, y) -> switch (y) {
            case 0 -> x << 16 | (255 - x) << 8 | (x * 7 & 0xFF);
            case 1 -> (x * 13 & 0xFF) << 16 | x << 8 | (255 - x);
            default -> (255 - x) << 16 | (x * 101 & 0xFF) << 8 | x;
        });
    }

    @Test
    void theMeanIsNumpysFloat32Mean() {
        // numpy: np.array([103.939, 116.779, 123.68], dtype=np.float32), printed with float.hex()
        assertThat(CaffeImage.MEAN_B).isEqualTo(Float.intBitsToFloat(0x42cfe0c5));
        assertThat(CaffeImage.MEAN_G).isEqualTo(Float.intBitsToFloat(0x42e98ed9));
        assertThat(CaffeImage.MEAN_R).isEqualTo(Float.intBitsToFloat(0x42f75c29));
        assertThat(CaffeImage.meanBgr()).containsExactly(CaffeImage.MEAN_B, CaffeImage.MEAN_G, CaffeImage.MEAN_R);
    }

    @Test
    void layoutIsHeightWidthChannelBgrMinusMean() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x010203);
        image.setRGB(2, 1, 0xFF8000); // r=255, g=128, b=0

        CaffeImage c = CaffePreprocessing.preprocess(image);

        assertThat(c.height()).isEqualTo(2);
        assertThat(c.width()).isEqualTo(3);
        assertThat(c.data()).hasSize(2 * 3 * 3);
        float[] d = c.data();
        assertThat(d[0]).isEqualTo(3f - CaffeImage.MEAN_B);
        assertThat(d[1]).isEqualTo(2f - CaffeImage.MEAN_G);
        assertThat(d[2]).isEqualTo(1f - CaffeImage.MEAN_R);
        int last = (1 * 3 + 2) * 3;
        assertThat(d[last]).isEqualTo(0f - CaffeImage.MEAN_B);
        assertThat(d[last + 1]).isEqualTo(128f - CaffeImage.MEAN_G);
        assertThat(d[last + 2]).isEqualTo(255f - CaffeImage.MEAN_R);
        assertThat(c.get(1, 2, 2)).isEqualTo(255f - CaffeImage.MEAN_R);
    }

    @Test
    void roundTripGivesBackTheSamePixels() {
        BufferedImage image = allValues();
        CaffeImage c = CaffePreprocessing.preprocess(image);

        assertThat(rgbPixels(CaffePreprocessing.deprocess(c))).containsExactly(rgbPixels(image));
        assertThat(rgbPixels(CaffePreprocessing.deprocess(c.toDoubles(), c.height(), c.width())))
                .containsExactly(rgbPixels(image));
    }

    @Test
    void roundTripThroughAPngFile() {
        BufferedImage image = allValues();
        Path file = dir.resolve("round.png");

        CaffeImageFiles.save(file, CaffePreprocessing.preprocess(image));
        CaffeImage back = CaffeImageFiles.load(file, 3, 256);

        assertThat(back).isEqualTo(CaffePreprocessing.preprocess(image));
    }

    @Test
    void loadResizesWhenTheSizeDiffers() {
        Path file = dir.resolve("big.png");
        ImageSaver.save(TestImages.pattern(40, 30), file);

        CaffeImage exact = CaffeImageFiles.load(file, 15, 20);
        CaffeImage longest = CaffeImageFiles.loadLongestSide(file, 8);

        assertThat(exact.height()).isEqualTo(15);
        assertThat(exact.width()).isEqualTo(20);
        assertThat(longest.size()).isEqualTo(new ImageSize(8, 6));
    }

    @Test
    void deprocessClampsAndRoundsToNearest() {
        float b = CaffeImage.MEAN_B;
        float g = CaffeImage.MEAN_G;
        float r = CaffeImage.MEAN_R;
        float[] data = {
            -1000f, 1000f, Float.NaN,                       // clamp low, clamp high, NaN -> 0
            254.99998f - b, 0.4f - g, 9.6f - r,             // 255 (truncation would give 254), 0, 10
            Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 127.3f - r,
        };
        int[] pixels = rgbPixels(CaffePreprocessing.deprocess(data, 1, 3));

        assertThat(pixels).containsExactly(0x00FF00, 0x0A00FF, 0x7FFF00);
    }

    @Test
    void deprocessRoundsTiesToEven() {
        assertThat(CaffePreprocessing.toByte(2.5)).isEqualTo(2);
        assertThat(CaffePreprocessing.toByte(3.5)).isEqualTo(4);
        assertThat(CaffePreprocessing.toByte(254.5)).isEqualTo(254);
        assertThat(CaffePreprocessing.toByte(-0.0)).isEqualTo(0);
        assertThat(CaffePreprocessing.toByte(255.4)).isEqualTo(255);
    }

    @Test
    void deprocessOfDoublesAddsTheWidenedMeanInDouble() {
        double[] data = {0.5 - (double) CaffeImage.MEAN_B + 100, 0, 0};
        // 100.5 exactly -> ties to even -> 100
        assertThat(rgbPixels(CaffePreprocessing.deprocess(data, 1, 1))[0] & 0xFF).isEqualTo(100);
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> new CaffeImage(2, 2, new float[11])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 2x2x3 image needs 12 values, got 11");
        assertThatThrownBy(() -> CaffePreprocessing.deprocess(new double[5], 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaffeImage(0, 2, new float[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsByContent() {
        CaffeImage a = new CaffeImage(1, 1, new float[] {1, 2, 3});
        CaffeImage b = new CaffeImage(1, 1, new float[] {1, 2, 3});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new CaffeImage(1, 1, new float[] {1, 2, 4}));
        assertThat(a.toString()).isEqualTo("CaffeImage[1x1x3]");
    }
}
