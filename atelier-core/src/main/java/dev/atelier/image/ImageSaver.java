package dev.atelier.image;

import dev.atelier.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Iterator;
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
        String prefix = "Cannot write image " + file + ": ";
        String problem = AtomicFile.whyNotWritable(file);
        if (problem != null) {
            throw new ImageException(prefix + problem);
        }
        BufferedImage rgb = RgbConverter.toRgb(image);
        try {
            AtomicFile.write(file, out -> encoder.encode(rgb, format, out));
        } catch (AccessDeniedException e) {
            throw new ImageException(prefix + "permission denied (" + ImageLoader.detail(e) + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new ImageException(prefix + ImageLoader.detail(e), e);
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
