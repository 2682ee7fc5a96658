package dev.atelier.batch;

import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageSaver;
import dev.atelier.image.RgbConverter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One picture, bytes in and bytes out: the unit of work that {@code batch} and the Spark job share, so that both
 * write the same bytes for the same input.
 */
public final class ImageBytes {

    /** Pictures larger than this are refused before decoding (a 50-megapixel photo needs ~10 GB in the network). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private ImageBytes() {}

    /** Decodes {@code input}, paints it, and encodes the result for {@code outputName}'s extension. */
    public static byte[] paint(byte[] input, String name, Painter painter, long maxPixels, String outputName) {
        BufferedImage photo = ImageLoader.read(input, name, maxPixels);
        return encode(painter.paint(photo), outputName);
    }

    /** PNG, or JPEG at {@link ImageSaver#JPEG_QUALITY} for a {@code .jpg}/{@code .jpeg} name; 8-bit RGB. */
    public static byte[] encode(BufferedImage image, String outputName) {
        String lower = outputName.toLowerCase(Locale.ROOT);
        boolean jpeg = lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(ImageSaver.JPEG_QUALITY);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(RgbConverter.toRgb(image), null, null), param);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
