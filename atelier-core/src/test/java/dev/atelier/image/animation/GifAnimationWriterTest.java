package dev.atelier.image.animation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.image.ImageException;
import dev.atelier.image.ImageSize;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifAnimationWriterTest {

    private static final String STREAM_METADATA = "javax_imageio_gif_stream_1.0";

    @TempDir
    Path dir;

    /** Distinct smooth frames (k = 0..2): gradients whose colour shifts with {@code k}. */
    static BufferedImage frame(int width, int height, int k) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = Math.min(255, 60 + 3 * x + 40 * k);
                int g = Math.min(255, 50 + 4 * y + 30 * k);
                int b = Math.min(255, 100 + 2 * (x + y) - 20 * k);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    @Test
    void writesALoopingAnimationWithTheDelaysAndFramesGiven() throws IOException {
        Path file = dir.resolve("progress.gif");
        List<BufferedImage> frames = List.of(frame(32, 24, 0), frame(32, 24, 1), frame(32, 24, 2));
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(200), Duration.ofSeconds(2),
                null)) {
            for (BufferedImage f : frames) {
                gif.addFrame(f);
            }
            assertThat(gif.frameCount()).isEqualTo(3);
            gif.finish();
        }

        assertThat(listing()).containsExactly("progress.gif");
        Gif gif = Gif.read(file);
        assertThat(gif.frames).hasSize(3);
        assertThat(gif.delays).containsExactly(20, 20, 200);
        assertThat(gif.loopsForever).containsExactly(true, false, false);
        assertThat(gif.hasGlobalColorTable).isTrue();
        assertThat(gif.localColorTables).containsExactly(false, false, false);
        for (int i = 0; i < 3; i++) {
            assertThat(gif.frames.get(i).getWidth()).isEqualTo(32);
            assertThat(gif.frames.get(i).getHeight()).isEqualTo(24);
            assertLooksLike(gif.frames.get(i), frames.get(i));
        }
        assertThat(blockMeanDifference(gif.frames.get(0), frames.get(1))).as("the frames are distinct")
                .isGreaterThan(20);
    }

    @Test
    void theDefaultIsTheFirstFramesSizeAndOneDelayForAll() throws IOException {
        Path file = dir.resolve("a.gif");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(150))) {
            gif.addFrame(frame(16, 8, 0));
            gif.addFrame(frame(32, 16, 1)); // a later, larger frame is resized to the animation's size
            gif.finish();
        }
        Gif gif = Gif.read(file);
        assertThat(gif.delays).containsExactly(15, 15);
        assertThat(gif.frames.get(1).getWidth()).isEqualTo(16);
        assertThat(gif.frames.get(1).getHeight()).isEqualTo(8);
    }

    @Test
    void framesAreResizedToAGivenSize() throws IOException {
        Path file = dir.resolve("multiscale.gif");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100), Duration.ofMillis(100),
                new ImageSize(24, 16))) {
            gif.addFrame(frame(12, 8, 0)); // a coarse pass
            gif.addFrame(frame(24, 16, 1));
            gif.finish();
        }
        Gif gif = Gif.read(file);
        assertThat(gif.frames).allSatisfy(f -> {
            assertThat(f.getWidth()).isEqualTo(24);
            assertThat(f.getHeight()).isEqualTo(16);
        });
        assertLooksLike(gif.frames.get(1), frame(24, 16, 1));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("old.gif");
        Files.writeString(file, "old");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100))) {
            gif.addFrame(frame(8, 8, 0));
            gif.finish();
        }
        assertThat(Gif.read(file).frames).hasSize(1);
        assertThat(listing()).containsExactly("old.gif");
    }

    @Test
    void aWriteFailingMidwayLeavesNothingBehind() throws IOException {
        Path file = dir.resolve("full.gif");
        GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100), Duration.ofMillis(100), null,
                raf -> new DiskFullAfter(raf, 1500));
        gif.addFrame(frame(40, 40, 0));
        assertThat(listing()).hasSize(1).allMatch(name -> name.startsWith(".full.gif.") && name.endsWith(".tmp"));

        assertThatThrownBy(() -> {
            for (int k = 1; k < 10; k++) {
                gif.addFrame(frame(40, 40, k % 3));
            }
        }).isInstanceOf(ImageException.class)
                .hasMessageStartingWith("Cannot write animation " + file + ": ")
                .hasMessageContaining("No space left on device")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(listing()).isEmpty();
        assertThatThrownBy(() -> gif.addFrame(frame(40, 40, 0))).isInstanceOf(IllegalStateException.class);
        gif.close();
        assertThat(listing()).isEmpty();
    }

    @Test
    void aFailureLeavesAnExistingFileAlone() throws IOException {
        Path file = dir.resolve("keep.gif");
        Files.writeString(file, "previous run");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100), Duration.ofMillis(100),
                null, raf -> new DiskFullAfter(raf, 100))) {
            gif.addFrame(frame(40, 40, 0));
            assertThatThrownBy(gif::finish).isInstanceOf(ImageException.class);
        }
        assertThat(listing()).containsExactly("keep.gif");
        assertThat(Files.readString(file)).isEqualTo("previous run");
    }

    @Test
    void closingWithoutFinishingAbandonsTheAnimation() {
        Path file = dir.resolve("cancelled.gif");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100))) {
            gif.addFrame(frame(8, 8, 0));
            gif.addFrame(frame(8, 8, 1));
        }
        assertThat(listing()).isEmpty();
    }

    @Test
    void anAnimationWithoutFramesIsAnError() {
        Path file = dir.resolve("empty.gif");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100))) {
            assertThatThrownBy(gif::finish).isInstanceOf(ImageException.class)
                    .hasMessage("Cannot write animation " + file + ": no frames were added");
        }
        assertThat(listing()).isEmpty();
    }

    @Test
    void nothingCanBeAddedAfterFinishing() {
        GifAnimationWriter gif = GifAnimationWriter.open(dir.resolve("done.gif"), Duration.ofMillis(100));
        gif.addFrame(frame(8, 8, 0));
        gif.finish();
        assertThatThrownBy(() -> gif.addFrame(frame(8, 8, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(gif::finish).isInstanceOf(IllegalStateException.class);
        gif.close(); // harmless
        assertThat(listing()).containsExactly("done.gif");
    }

    @Test
    void badPlacesAndDelaysAreRejectedUpFront() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("a.gif");
        assertThatThrownBy(() -> GifAnimationWriter.open(missing, Duration.ofMillis(100)))
                .isInstanceOf(ImageException.class).hasMessageContaining("does not exist");
        Files.createDirectory(dir.resolve("taken.gif"));
        assertThatThrownBy(() -> GifAnimationWriter.open(dir.resolve("taken.gif"), Duration.ofMillis(100)))
                .isInstanceOf(ImageException.class).hasMessageEndingWith("is a directory");
        assertThatThrownBy(() -> GifAnimationWriter.open(dir.resolve("b.gif"), Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 ms");
        assertThatThrownBy(() -> GifAnimationWriter.open(dir.resolve("b.gif"), Duration.ofMinutes(20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(listing()).containsExactly("taken.gif");
    }

    @Test
    void delaysAreRoundedToHundredths() {
        assertThat(GifAnimationWriter.centiseconds(Duration.ofMillis(10), "d")).isEqualTo(1);
        assertThat(GifAnimationWriter.centiseconds(Duration.ofMillis(125), "d")).isEqualTo(13);
        assertThat(GifAnimationWriter.centiseconds(Duration.ofMillis(655_350), "d")).isEqualTo(65535);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** A file stream that fails like a full disk once {@code limit} bytes have been written. */
    static final class DiskFullAfter extends FileImageOutputStream {
        private long remaining;

        DiskFullAfter(RandomAccessFile raf, long limit) throws IOException {
            super(raf);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            take(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            take(len);
            super.write(b, off, len);
        }

        private void take(int n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                throw new IOException("No space left on device");
            }
        }
    }

    private List<String> listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Close in colour: per pixel within one palette step, and means over the 8x8 dither tiles within a few levels. */
    private static void assertLooksLike(BufferedImage got, BufferedImage expected) {
        for (int y = 0; y < got.getHeight(); y++) {
            for (int x = 0; x < got.getWidth(); x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int a = (got.getRGB(x, y) >> shift) & 0xFF;
                    int b = (expected.getRGB(x, y) >> shift) & 0xFF;
                    assertThat(Math.abs(a - b)).as("(%d, %d) shift %d", x, y, shift).isLessThanOrEqualTo(51);
                }
            }
        }
        assertThat(blockMeanDifference(got, expected)).isLessThan(3);
    }

    /** The largest difference, over 8x8 blocks and channels, between the two images' block means. */
    private static double blockMeanDifference(BufferedImage a, BufferedImage b) {
        double worst = 0;
        for (int by = 0; by + 8 <= a.getHeight(); by += 8) {
            for (int bx = 0; bx + 8 <= a.getWidth(); bx += 8) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    double sum = 0;
                    for (int y = by; y < by + 8; y++) {
                        for (int x = bx; x < bx + 8; x++) {
                            sum += ((a.getRGB(x, y) >> shift) & 0xFF) - ((b.getRGB(x, y) >> shift) & 0xFF);
                        }
                    }
                    worst = Math.max(worst, Math.abs(sum / 64));
                }
            }
        }
        return worst;
    }

    /** A GIF read back with ImageIO: frames and what their metadata says. */
    static final class Gif {
        final List<BufferedImage> frames = new ArrayList<>();
        final List<Integer> delays = new ArrayList<>();
        final List<Boolean> loopsForever = new ArrayList<>();
        final List<Boolean> localColorTables = new ArrayList<>();
        boolean hasGlobalColorTable;

        static Gif read(Path file) throws IOException {
            Gif gif = new Gif();
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new File(file.toString()))) {
                reader.setInput(in);
                IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree(STREAM_METADATA);
                gif.hasGlobalColorTable = stream.getElementsByTagName("GlobalColorTable").getLength() == 1;
                int count = reader.getNumImages(true);
                for (int i = 0; i < count; i++) {
                    gif.frames.add(reader.read(i));
                    IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                            .getAsTree(GifAnimationWriter.GIF_IMAGE_METADATA);
                    IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                            .item(0);
                    gif.delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                    gif.localColorTables.add(root.getElementsByTagName("LocalColorTable").getLength() > 0);
                    gif.loopsForever.add(loopsForever(root));
                }
            } finally {
                reader.dispose();
            }
            return gif;
        }

        private static boolean loopsForever(IIOMetadataNode root) {
            var extensions = root.getElementsByTagName("ApplicationExtension");
            for (int i = 0; i < extensions.getLength(); i++) {
                IIOMetadataNode e = (IIOMetadataNode) extensions.item(i);
                byte[] data = (byte[]) e.getUserObject();
                if ("NETSCAPE".equals(e.getAttribute("applicationID"))
                        && "2.0".equals(e.getAttribute("authenticationCode"))
                        && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void theFileIsAGif89a() throws IOException {
        Path file = dir.resolve("sig.gif");
        try (GifAnimationWriter gif = GifAnimationWriter.open(file, Duration.ofMillis(100))) {
            gif.addFrame(frame(8, 8, 0));
            gif.finish();
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0x3B);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("NETSCAPE2.0");
        assertThat(bytes.length).isLessThan(8 * 8 + 768 + 200);
        assertThat((double) bytes.length).isCloseTo(900, within(200.0));
    }
}
