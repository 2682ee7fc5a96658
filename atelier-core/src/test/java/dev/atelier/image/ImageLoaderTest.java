package dev.atelier.image;

import static dev.atelier.image.TestImages.encode;
import static dev.atelier.image.TestImages.pattern;
import static dev.atelier.image.TestImages.rgbPixels;
import static dev.atelier.image.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

    @TempDir
    Path dir;

    // ---- formats -------------------------------------------------------------------------------------

    @Test
    void readsPngExactly() {
        BufferedImage original = pattern(13, 7);
        Path file = write(dir.resolve("a.png"), encode(original, "png"));

        BufferedImage read = ImageLoader.read(file);

        assertThat(read.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(read.getWidth()).isEqualTo(13);
        assertThat(read.getHeight()).isEqualTo(7);
        assertThat(rgbPixels(read)).containsExactly(rgbPixels(original));
    }

    @Test
    void readsBmpExactly() {
        BufferedImage original = pattern(5, 3);
        Path file = write(dir.resolve("a.bmp"), encode(original, "bmp"));

        assertThat(ImageLoader.probe(file)).isEqualTo(new ImageInfo("BMP", 5, 3));
        assertThat(rgbPixels(ImageLoader.read(file))).containsExactly(rgbPixels(original));
    }

    @Test
    void readsJpegClosely() {
        BufferedImage original = TestImages.rgb(16, 16, (x, y) -> 0x406080 + x * 0x010101);
        Path file = write(dir.resolve("a.jpg"), encode(original, "jpeg"));

        BufferedImage read = ImageLoader.read(file);

        assertThat(ImageLoader.probe(file)).isEqualTo(new ImageInfo("JPEG", 16, 16));
        int[] expected = rgbPixels(original);
        int[] actual = rgbPixels(read);
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat((actual[i] >> shift) & 0xFF).isCloseTo((expected[i] >> shift) & 0xFF,
                        org.assertj.core.data.Offset.offset(6));
            }
        }
    }

    @Test
    void readsTheFirstFrameOfAnAnimatedGif() {
        BufferedImage red = TestImages.rgb(4, 3, (x, y) -> 0xFF0000);
        BufferedImage blue = TestImages.rgb(4, 3, (x, y) -> 0x0000FF);
        Path file = write(dir.resolve("anim.gif"), TestImages.animatedGif(red, blue));

        BufferedImage read = ImageLoader.read(file);

        assertThat(ImageLoader.probe(file)).isEqualTo(new ImageInfo("GIF", 4, 3));
        assertThat(rgbPixels(read)).containsOnly(0xFF0000);
    }

    @Test
    void recognisesTheFormatByContentNotByName() {
        Path pngNamedJpg = write(dir.resolve("really-a-png.jpg"), encode(pattern(3, 2), "png"));
        Path bmpNamedTxt = write(dir.resolve("picture.txt"), encode(pattern(3, 2), "bmp"));

        assertThat(ImageLoader.probe(pngNamedJpg).format()).isEqualTo("PNG");
        assertThat(ImageLoader.probe(bmpNamedTxt).format()).isEqualTo("BMP");
        assertThat(rgbPixels(ImageLoader.read(pngNamedJpg))).containsExactly(rgbPixels(pattern(3, 2)));
    }

    // ---- pixel conversion to 8-bit RGB ---------------------------------------------------------------

    @Test
    void greyscaleIsCopiedToRgbWithoutGamma() {
        BufferedImage grey = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 256; x++) {
            grey.getRaster().setSample(x, 0, 0, x);
        }
        BufferedImage read = ImageLoader.read(encode(grey, "png"), "grey.png");

        int[] pixels = rgbPixels(read);
        for (int x = 0; x < 256; x++) {
            assertThat(pixels[x]).as("grey %d", x).isEqualTo(x << 16 | x << 8 | x);
        }
    }

    @Test
    void sixteenBitGreyKeepsTheHighByte() {
        BufferedImage grey16 = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0xABCD, 0x00FF, 0xFFFF});

        int[] pixels = rgbPixels(ImageLoader.read(encode(grey16, "png"), "grey16.png"));

        assertThat(pixels).containsExactly(0xABABAB, 0x000000, 0xFFFFFF);
    }

    @Test
    void sixteenBitRgbKeepsTheHighByte() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {0x1234, 0x5678, 0x9ABC});
        raster.setPixel(1, 0, new int[] {0xFFFF, 0x0000, 0x80FF});
        BufferedImage rgb16 = new BufferedImage(cm, raster, false, null);

        int[] pixels = rgbPixels(ImageLoader.read(encode(rgb16, "png"), "rgb16.png"));

        assertThat(pixels).containsExactly(0x12569A, 0xFF0080);
    }

    @Test
    void paletteImagesTakeTheirPaletteColours() {
        byte[] r = {(byte) 255, 0, 10};
        byte[] g = {0, (byte) 128, 20};
        byte[] b = {0, 0, 30};
        IndexColorModel palette = new IndexColorModel(2, 3, r, g, b);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 0, 1});

        int[] pixels = rgbPixels(ImageLoader.read(encode(indexed, "png"), "palette.png"));

        assertThat(pixels).containsExactly(0x0A141E, 0xFF0000, 0x008000);
    }

    @Test
    void alphaIsDroppedNotComposited() {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00123456); // fully transparent: the colour under it is kept
        argb.setRGB(1, 0, 0x80FF0000);
        argb.setRGB(2, 0, 0xFF00FF00);

        int[] pixels = rgbPixels(ImageLoader.read(encode(argb, "png"), "alpha.png"));

        assertThat(pixels).containsExactly(0x123456, 0xFF0000, 0x00FF00);
    }

    @Test
    void greyWithAlphaDropsTheAlpha() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {77, 0});
        raster.setPixel(1, 0, new int[] {200, 255});
        BufferedImage greyAlpha = new BufferedImage(cm, raster, false, null);

        int[] pixels = rgbPixels(ImageLoader.read(encode(greyAlpha, "png"), "grey-alpha.png"));

        assertThat(pixels).containsExactly(0x4D4D4D, 0xC8C8C8);
    }

    // ---- bytes, streams, header probing and the pixel cap ---------------------------------------------

    @Test
    void readsBytesAndStreams() throws IOException {
        BufferedImage original = pattern(6, 4);
        byte[] png = encode(original, "png");

        assertThat(rgbPixels(ImageLoader.read(png, "upload.png"))).containsExactly(rgbPixels(original));
        try (ByteArrayInputStream in = new ByteArrayInputStream(png)) {
            assertThat(rgbPixels(ImageLoader.read(in, "upload.png", 24))).containsExactly(rgbPixels(original));
        }
        assertThat(ImageLoader.probe(png, "upload.png")).isEqualTo(new ImageInfo("PNG", 6, 4));
    }

    @Test
    void probesTheHeaderWithoutDecoding() {
        // a header claiming 50000 x 40000 with no pixel data at all: only the header can be read
        Path bomb = write(dir.resolve("bomb.png"), TestImages.pngHeaderOnly(50_000, 40_000));

        ImageInfo info = ImageLoader.probe(bomb);

        assertThat(info).isEqualTo(new ImageInfo("PNG", 50_000, 40_000));
        assertThat(info.pixels()).isEqualTo(2_000_000_000L);
    }

    @Test
    void rejectsTooManyPixelsBeforeDecoding() {
        byte[] bomb = TestImages.pngHeaderOnly(50_000, 40_000);
        Path file = write(dir.resolve("bomb.png"), bomb);
        String expected = "PNG image is 50000x40000 = 2000000000 pixels, more than the limit of 16000000";

        // the header-only file would fail as corrupt if decoding were attempted; the cap message proves it is not
        assertOneLine(() -> ImageLoader.requirePixelsAtMost(file, 16_000_000))
                .hasMessage("Cannot read image " + file + ": " + expected);
        assertOneLine(() -> ImageLoader.read(file, 16_000_000)).hasMessage("Cannot read image " + file + ": " + expected);
        assertOneLine(() -> ImageLoader.read(bomb, "bomb.png", 16_000_000))
                .hasMessage("Cannot read image bomb.png: " + expected);
        assertOneLine(() -> ImageLoader.read(new ByteArrayInputStream(bomb), "bomb.png", 16_000_000))
                .hasMessage("Cannot read image bomb.png: " + expected);
        assertOneLine(() -> ImageLoader.requirePixelsAtMost(bomb, "bomb.png", 16_000_000))
                .hasMessage("Cannot read image bomb.png: " + expected);
    }

    @Test
    void acceptsExactlyTheLimit() {
        Path file = write(dir.resolve("a.png"), encode(pattern(6, 4), "png"));

        assertThat(ImageLoader.requirePixelsAtMost(file, 24)).isEqualTo(new ImageInfo("PNG", 6, 4));
        assertThat(ImageLoader.read(file, 24).getWidth()).isEqualTo(6);
        assertOneLine(() -> ImageLoader.read(file, 23)).hasMessageEndingWith("more than the limit of 23");
    }

    // ---- bad input -----------------------------------------------------------------------------------

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.png");
        assertOneLine(() -> ImageLoader.read(file)).hasMessage("Cannot read image " + file + ": file does not exist");
        assertOneLine(() -> ImageLoader.probe(file)).hasMessage("Cannot read image " + file + ": file does not exist");
    }

    @Test
    void directory() {
        assertOneLine(() -> ImageLoader.read(dir))
                .hasMessage("Cannot read image " + dir + ": is a directory, not an image file");
    }

    @Test
    void emptyFileAndEmptyData() {
        Path file = write(dir.resolve("empty.png"), new byte[0]);
        assertOneLine(() -> ImageLoader.read(file)).hasMessage("Cannot read image " + file + ": file is empty");
        assertOneLine(() -> ImageLoader.read(new byte[0], "upload.png"))
                .hasMessage("Cannot read image upload.png: data is empty");
        assertOneLine(() -> ImageLoader.read(new ByteArrayInputStream(new byte[0]), "upload.png", 100))
                .hasMessage("Cannot read image upload.png: data is empty");
    }

    @Test
    void textFileNamedPng() {
        Path file = write(dir.resolve("notes.png"), "hello, this is not a picture\n".getBytes(StandardCharsets.UTF_8));
        assertOneLine(() -> ImageLoader.read(file))
                .hasMessage("Cannot read image " + file + ": not a JPEG, PNG, BMP or GIF image");
        assertOneLine(() -> ImageLoader.probe(file))
                .hasMessage("Cannot read image " + file + ": not a JPEG, PNG, BMP or GIF image");
    }

    @Test
    void unsupportedFormatIsNamed() {
        Path file = write(dir.resolve("a.png"), encode(pattern(3, 2), "tiff"));
        assertOneLine(() -> ImageLoader.read(file))
                .hasMessage("Cannot read image " + file + ": unsupported image format TIFF (supported: JPEG, PNG, BMP or GIF)");
    }

    @Test
    void truncatedFilesOfEveryFormat() {
        BufferedImage image = pattern(40, 30);
        for (String format : new String[] {"png", "jpeg", "bmp", "gif"}) {
            byte[] whole = encode(image, format);
            Path file = write(dir.resolve("cut." + format), Arrays.copyOf(whole, whole.length * 2 / 3));
            String name = format.equals("jpeg") ? "JPEG" : format.toUpperCase();
            assertOneLine(() -> ImageLoader.read(file))
                    .as(format)
                    .hasMessageStartingWith("Cannot read image " + file + ": " + name + " data is truncated or corrupt (");
        }
    }

    @Test
    void corruptHeader() {
        byte[] png = encode(pattern(4, 4), "png");
        png[20] ^= 0x55; // inside IHDR: the CRC no longer matches, the width is garbage
        assertOneLine(() -> ImageLoader.read(png, "bad.png"))
                .hasMessageStartingWith("Cannot read image bad.png: PNG data is truncated or corrupt (");
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = write(dir.resolve("secret.png"), encode(pattern(3, 2), "png"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions cannot deny reading");
            assertOneLine(() -> ImageLoader.read(file))
                    .hasMessage("Cannot read image " + file + ": file is not readable (permission denied)");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertOneLine(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        AbstractThrowableAssert<?, ? extends Throwable> assertion =
                assertThatThrownBy(call).isInstanceOf(ImageException.class);
        assertion.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
        return assertion;
    }
}
