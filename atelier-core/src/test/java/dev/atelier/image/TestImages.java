package dev.atelier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Assumptions;

/** Small images made in the tests, and helpers to compare them. */
final class TestImages {

    private TestImages() {}

    /** A TYPE_INT_RGB image whose pixel (x, y) is {@code rgb(x, y)}. */
    static BufferedImage rgb(int width, int height, PixelFunction rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.at(x, y) & 0xFFFFFF);
            }
        }
        return image;
    }

    @FunctionalInterface
    interface PixelFunction {
        int at(int x, int y);
    }

    /** A varied but deterministic colour pattern. */
    static BufferedImage pattern(int width, int height) {
        return rgb(width, height, (x, y) -> ((x * 37 + y * 11) & 0xFF) << 16 | ((x * 5 + y * 53) & 0xFF) << 8
                | ((x * y * 3 + 17) & 0xFF));
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The image's pixels with alpha masked off. */
    static int[] rgbPixels(BufferedImage image) {
        int[] p = pixels(image);
        for (int i = 0; i < p.length; i++) {
            p[i] &= 0xFFFFFF;
        }
        return p;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An animated GIF: one frame per image, in order. */
    static byte[] animatedGif(BufferedImage... frames) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (BufferedImage frame : frames) {
                    writer.writeToSequence(new IIOImage(frame, null, null), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG holding only a header (IHDR, 8-bit RGB, of the given size) and IEND: no pixel data at all. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared/ directory: $ATELIER_SHARED if set, else ../shared relative to the project; the test is skipped
     * (an assumption fails) if it is absent.
     */
    static Path sharedDirectory() {
        String env = System.getenv("ATELIER_SHARED");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared directory " + dir.toAbsolutePath() + " is absent");
        return dir;
    }
}
