package dev.atelier.image;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes images as PNG or JPEG (quality 95), the format chosen by the file's extension ({@link OutputFormat}).
 *
 * <p>Writing is atomic: the image goes to a hidden temporary file in the same directory, which is flushed to
 * disk and then moved over the target with {@code ATOMIC_MOVE, REPLACE_EXISTING}. Readers of the target see
 * either the old file or the complete new one; on any failure the temporary file is deleted and an existing
 * target is left untouched. The temporary file is created with the default permissions (umask), so the
 * result gets the permissions a newly created file would. Failures are {@link ImageException}s with a one-line
 * message.
 */
public final class ImageSaver {

    /** JPEG quality, as ImageIO's compression quality in 0..1. */
    public static final float JPEG_QUALITY = 0.95f;

    /** Encodes an 8-bit RGB image in a format onto a stream; a seam for tests. */
    @FunctionalInterface
    interface Encoder {
        void encode(BufferedImage rgb, OutputFormat format, OutputStream out) throws IOException;
    }

    private ImageSaver() {}

    /** Writes the image (any type; stored as 8-bit RGB, alpha dropped) to {@code file}, atomically. */
    public static void save(BufferedImage image, Path file) {
        save(image, file, ImageSaver::encodeWithImageIo);
    }

    static void save(BufferedImage image, Path file, Encoder encoder) {
        OutputFormat format = OutputFormat.forPath(file);
        Path target = file.toAbsolutePath().normalize();
        Path directory = target.getParent();
        String prefix = "Cannot write image " + file + ": ";
        if (directory == null) {
            throw new ImageException(prefix + "not a file path");
        }
        if (!Files.exists(directory)) {
            throw new ImageException(prefix + "directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new ImageException(prefix + directory + " is not a directory");
        }
        if (Files.isDirectory(target)) {
            throw new ImageException(prefix + "is a directory");
        }
        if (!Files.isWritable(directory)) {
            throw new ImageException(prefix + "directory " + directory + " is not writable");
        }
        BufferedImage rgb = RgbConverter.toRgb(image);

        Path temp = null;
        boolean moved = false;
        try {
            temp = createTempFile(directory, target.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                encoder.encode(rgb, format, out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (AccessDeniedException e) {
            throw new ImageException(prefix + "permission denied (" + ImageLoader.detail(e) + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new ImageException(prefix + ImageLoader.detail(e), e);
        } finally {
            if (!moved && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more can be done; the original failure is what the caller needs to see
                }
            }
        }
    }

    /** A new empty hidden file next to the target, e.g. {@code .out.png.5f3a9c1e.tmp}. */
    private static Path createTempFile(Path directory, String targetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            Path temp = directory.resolve("." + targetName + "." + suffix + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static void encodeWithImageIo(BufferedImage rgb, OutputFormat format, OutputStream out)
            throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == OutputFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.setOutput(ios);
            writer.write(null, new IIOImage(rgb, null, null), param);
            ios.flush();
        } finally {
            writer.dispose();
        }
    }
}
