package dev.atelier.image;

import static dev.atelier.image.ImageLoaderTest.assertOneLine;
import static dev.atelier.image.TestImages.pattern;
import static dev.atelier.image.TestImages.rgbPixels;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSaverTest {

    @TempDir
    Path dir;

    @Test
    void writesPngLosslessly() {
        BufferedImage image = pattern(21, 13);
        Path file = dir.resolve("out.png");

        ImageSaver.save(image, file);

        assertThat(ImageLoader.probe(file)).isEqualTo(new ImageInfo("PNG", 21, 13));
        assertThat(rgbPixels(ImageLoader.read(file))).containsExactly(rgbPixels(image));
        assertThat(listing()).containsExactly("out.png");
    }

    @Test
    void writesJpegForJpgAndJpegInAnyCase() {
        for (String name : List.of("a.jpg", "b.jpeg", "c.JPG", "d.JPEG")) {
            ImageSaver.save(pattern(8, 8), dir.resolve(name));
            assertThat(ImageLoader.probe(dir.resolve(name)).format()).as(name).isEqualTo("JPEG");
        }
        ImageSaver.save(pattern(8, 8), dir.resolve("e.PNG"));
        assertThat(ImageLoader.probe(dir.resolve("e.PNG")).format()).isEqualTo("PNG");
    }

    @Test
    void jpegQualityIs95() throws IOException {
        Path file = dir.resolve("q.jpg");
        ImageSaver.save(pattern(16, 16), file);

        // libjpeg scales the standard luminance table (first entry 16) by (200 - 2 * 95)% = 10%: (16 * 10 + 50) / 100
        assertThat(firstLuminanceQuantizer(Files.readAllBytes(file))).isEqualTo(2);
    }

    /** The first value of the first quantization table (DQT segment) in a JPEG. */
    private static int firstLuminanceQuantizer(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDB) {
                return jpeg[i + 5] & 0xFF; // FF DB, 2 length bytes, 1 precision/id byte, then the table
            }
        }
        throw new AssertionError("no DQT segment");
    }

    @Test
    void dropsAlphaAndWritesAnyImageType() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00ABCDEF);
        argb.setRGB(1, 0, 0xFF102030);
        Path file = dir.resolve("alpha.png");

        ImageSaver.save(argb, file);

        assertThat(rgbPixels(ImageLoader.read(file))).containsExactly(0xABCDEF, 0x102030);
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("out.png");
        Files.writeString(file, "old contents");

        ImageSaver.save(pattern(5, 5), file);

        assertThat(rgbPixels(ImageLoader.read(file))).containsExactly(rgbPixels(pattern(5, 5)));
        assertThat(listing()).containsExactly("out.png");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileAndKeepsTheOldOutput() throws IOException {
        Path file = dir.resolve("out.png");
        Files.writeString(file, "the previous result");
        ImageSaver.Encoder failing = (image, format, out) -> {
            out.write(new byte[5000]); // half an image...
            throw new IOException("No space left on device");
        };

        assertOneLine(() -> ImageSaver.save(pattern(5, 5), file, failing))
                .hasMessage("Cannot write image " + file + ": No space left on device");

        assertThat(Files.readString(file)).isEqualTo("the previous result");
        assertThat(listing()).containsExactly("out.png");
    }

    @Test
    void aFailedFirstWriteLeavesNothing() {
        Path file = dir.resolve("new.jpg");
        ImageSaver.Encoder failing = (image, format, out) -> {
            out.write(1);
            throw new IllegalStateException("encoder exploded");
        };

        assertOneLine(() -> ImageSaver.save(pattern(5, 5), file, failing))
                .hasMessage("Cannot write image " + file + ": encoder exploded");

        assertThat(listing()).isEmpty();
    }

    @Test
    void unsupportedExtensionListsTheSupportedOnes() {
        Path gif = dir.resolve("out.gif");
        assertOneLine(() -> ImageSaver.save(pattern(2, 2), gif)).hasMessage("Cannot write image " + gif
                + ": unsupported output format '.gif' (supported: .png, .jpg, .jpeg)");
        Path none = dir.resolve("out");
        assertOneLine(() -> ImageSaver.save(pattern(2, 2), none)).hasMessage("Cannot write image " + none
                + ": the file name has no extension (supported: .png, .jpg, .jpeg)");
        assertThat(listing()).isEmpty();
    }

    @Test
    void missingParentDirectory() {
        Path file = dir.resolve("no-such-dir").resolve("out.png");
        assertOneLine(() -> ImageSaver.save(pattern(2, 2), file)).hasMessage("Cannot write image " + file
                + ": directory " + dir.resolve("no-such-dir") + " does not exist");
    }

    @Test
    void parentIsAFile() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file.txt"), "x");
        Path file = notADir.resolve("out.png");
        assertOneLine(() -> ImageSaver.save(pattern(2, 2), file))
                .hasMessage("Cannot write image " + file + ": " + notADir + " is not a directory");
    }

    @Test
    void targetIsADirectory() throws IOException {
        Path file = Files.createDirectory(dir.resolve("out.png"));
        assertOneLine(() -> ImageSaver.save(pattern(2, 2), file))
                .hasMessage("Cannot write image " + file + ": is a directory");
    }

    @Test
    void unwritableDirectory() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "running as root: permissions cannot deny writing");
            Path file = locked.resolve("out.png");
            assertOneLine(() -> ImageSaver.save(pattern(2, 2), file))
                    .hasMessage("Cannot write image " + file + ": directory " + locked + " is not writable");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void pathsWithDotDotWork() throws IOException {
        // the temporary file goes next to the normalised target
        Path file = dir.resolve("sub").resolve("..").resolve("rel.png");
        Files.createDirectory(dir.resolve("sub"));
        ImageSaver.save(pattern(3, 3), file);
        assertThat(Files.readAllBytes(dir.resolve("rel.png"))).startsWith((byte) 0x89, (byte) 'P');
        assertThat(new String(Files.readAllBytes(dir.resolve("rel.png")), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private List<String> listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
