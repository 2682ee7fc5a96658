package dev.atelier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads JPEG, PNG, BMP and GIF (first frame) images from files, byte arrays and streams into 8-bit RGB
 * ({@code TYPE_INT_RGB}, see {@link RgbConverter} for how greyscale, palette, 16-bit and alpha are converted:
 * alpha is dropped, as PIL's {@code convert("RGB")} does).
 *
 * <p>A JPEG's EXIF orientation is honoured (see {@link ExifOrientation}): the picture and the sizes reported are
 * upright, as the photo is shown.
 *
 * <p>The format is recognised by content (ImageIO's reader lookup on the stream), never by the file name.
 * Every failure is an {@link ImageException} with a one-line message naming the source and the problem.
 *
 * <p>Decompression bombs: every method that takes {@code maxPixels} reads the image's dimensions from its
 * header first and rejects an image of more pixels before decoding (allocating) anything;
 * {@link #requirePixelsAtMost} does only that check. Thread-safe: each call uses its own ImageIO reader.
 */
public final class ImageLoader {

    /** Pass as {@code maxPixels} for no limit. */
    public static final long NO_PIXEL_LIMIT = Long.MAX_VALUE;

    private static final List<String> SUPPORTED = List.of("JPEG", "PNG", "BMP", "GIF");
    private static final String SUPPORTED_TEXT = "JPEG, PNG, BMP or GIF";
    private static final int MAX_DETAIL = 160;

    private ImageLoader() {}

    // ---- files ---------------------------------------------------------------------------------------

    /** The format and dimensions from the file's header, without decoding pixels. */
    public static ImageInfo probe(Path file) {
        return readFile(file, NO_PIXEL_LIMIT, false).info;
    }

    /**
     * Checks, from the header only, that the file is a supported image of at most {@code maxPixels} pixels,
     * and returns what the header says; throws an {@link ImageException} otherwise.
     */
    public static ImageInfo requirePixelsAtMost(Path file, long maxPixels) {
        return readFile(file, maxPixels, false).info;
    }

    /** Decodes the file as 8-bit RGB. */
    public static BufferedImage read(Path file) {
        return read(file, NO_PIXEL_LIMIT);
    }

    /** Decodes the file as 8-bit RGB, refusing (before decoding) an image of more than {@code maxPixels} pixels. */
    public static BufferedImage read(Path file, long maxPixels) {
        return readFile(file, maxPixels, true).image;
    }

    // ---- uploads -------------------------------------------------------------------------------------

    /** As {@link #probe(Path)}, for image bytes; {@code name} (e.g. the upload's file name) is used in messages. */
    public static ImageInfo probe(byte[] data, String name) {
        return readBytes(data, name, NO_PIXEL_LIMIT, false).info;
    }

    /** As {@link #requirePixelsAtMost(Path, long)}, for image bytes. */
    public static ImageInfo requirePixelsAtMost(byte[] data, String name, long maxPixels) {
        return readBytes(data, name, maxPixels, false).info;
    }

    /** Decodes image bytes as 8-bit RGB; {@code name} is used in messages. */
    public static BufferedImage read(byte[] data, String name) {
        return read(data, name, NO_PIXEL_LIMIT);
    }

    /** Decodes image bytes as 8-bit RGB, refusing (before decoding) an image of more than {@code maxPixels} pixels. */
    public static BufferedImage read(byte[] data, String name, long maxPixels) {
        return readBytes(data, name, maxPixels, true).image;
    }

    /**
     * Decodes an image from a stream as 8-bit RGB, refusing (after reading only the header) an image of more than
     * {@code maxPixels} pixels. The stream is read as far as the image needs and is not closed.
     */
    public static BufferedImage read(InputStream in, String name, long maxPixels) {
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            return decode(iis, name, maxPixels, true).image;
        } catch (IOException e) {
            throw new ImageException(prefix(name) + "cannot read the stream (" + detail(e) + ")", e);
        }
    }

    // ---- internals -----------------------------------------------------------------------------------

    private record Result(ImageInfo info, BufferedImage image) {}

    private static Result readFile(Path file, long maxPixels, boolean decode) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new ImageException(prefix(name) + "file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ImageException(prefix(name) + "is a directory, not an image file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImageException(prefix(name) + "file is empty");
            }
        } catch (IOException e) {
            throw new ImageException(prefix(name) + "cannot read the file (" + detail(e) + ")", e);
        }
        if (!Files.isReadable(file)) {
            throw new ImageException(prefix(name) + "file is not readable (permission denied)");
        }
        try (ImageInputStream iis = new FileImageInputStream(file.toFile())) {
            return decode(iis, name, maxPixels, decode);
        } catch (AccessDeniedException e) {
            throw new ImageException(prefix(name) + "file is not readable (permission denied)", e);
        } catch (IOException e) {
            throw new ImageException(prefix(name) + "cannot read the file (" + detail(e) + ")", e);
        }
    }

    private static Result readBytes(byte[] data, String name, long maxPixels, boolean decode) {
        try (ImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            return decode(iis, name, maxPixels, decode);
        } catch (IOException e) {
            throw new ImageException(prefix(name) + "cannot read the data (" + detail(e) + ")", e);
        }
    }

    /** Finds a reader by content, reads the header, checks the pixel cap, then (if asked) decodes frame 0. */
    private static Result decode(ImageInputStream iis, String name, long maxPixels, boolean decode) throws IOException {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1, got " + maxPixels);
        }
        iis.mark();
        if (iis.read() < 0) {
            throw new ImageException(prefix(name) + "data is empty");
        }
        iis.reset();

        ImageReader reader = findReader(iis, name);
        try {
            String format = formatOf(reader);
            int orientation = format.equals("JPEG") ? ExifOrientation.read(iis) : ExifOrientation.NORMAL;
            reader.setInput(iis, true, false);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw corrupt(name, format, e);
            }
            if (ExifOrientation.swapsSides(orientation)) {
                int stored = width;
                width = height;
                height = stored;
            }
            ImageInfo info = new ImageInfo(format, width, height);
            if (width < 1 || height < 1) {
                throw new ImageException(prefix(name) + format + " header gives an empty size " + width + "x" + height);
            }
            if (info.pixels() > maxPixels) {
                throw new ImageException(prefix(name) + format + " image is " + width + "x" + height + " = "
                        + info.pixels() + " pixels, more than the limit of " + maxPixels);
            }
            if (!decode) {
                return new Result(info, null);
            }
            // Some decoders (JPEG) fill in missing data with grey and only warn; PIL refuses such files, so do we.
            List<String> truncationWarnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    truncationWarnings.add(warning);
                }
            });
            BufferedImage image;
            try {
                image = reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw corrupt(name, format, e);
            }
            if (!truncationWarnings.isEmpty()) {
                throw new ImageException(prefix(name) + format + " data is truncated or corrupt ("
                        + oneLine(truncationWarnings.get(0)) + ")");
            }
            if (image == null) {
                throw new ImageException(prefix(name) + format + " data is truncated or corrupt (no image decoded)");
            }
            return new Result(info, ExifOrientation.upright(RgbConverter.toRgb(image), orientation));
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader findReader(ImageInputStream iis, String name) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
        List<String> unsupported = new ArrayList<>();
        ImageReader found = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (found == null && SUPPORTED.contains(formatOf(reader))) {
                found = reader;
            } else {
                if (found == null) {
                    unsupported.add(formatOf(reader));
                }
                reader.dispose();
            }
        }
        if (found != null) {
            return found;
        }
        if (!unsupported.isEmpty()) {
            throw new ImageException(prefix(name) + "unsupported image format " + unsupported.get(0)
                    + " (supported: " + SUPPORTED_TEXT + ")");
        }
        throw new ImageException(prefix(name) + "not a " + SUPPORTED_TEXT + " image");
    }

    /** The reader's format as one of JPEG, PNG, BMP, GIF (or its own name, upper-cased, for anything else). */
    private static String formatOf(ImageReader reader) {
        String format;
        try {
            format = reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            format = reader.getOriginatingProvider().getFormatNames()[0].toUpperCase(Locale.ROOT);
        }
        switch (format) {
            case "JPG":
                return "JPEG";
            case "TIF":
                return "TIFF";
            default:
                return format;
        }
    }

    private static ImageException corrupt(String name, String format, Throwable e) {
        return new ImageException(prefix(name) + format + " data is truncated or corrupt (" + detail(e) + ")", e);
    }

    static String prefix(String name) {
        return "Cannot read image " + name + ": ";
    }

    /** A throwable's message (and its cause's), squeezed to one short line. */
    static String detail(Throwable e) {
        String text = describe(e);
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            String causeText = describe(cause);
            if (!text.contains(causeText)) {
                text = text + ": " + causeText;
            }
        }
        return oneLine(text);
    }

    /** Whitespace (newlines included) squeezed to single spaces, and at most MAX_DETAIL characters. */
    private static String oneLine(String text) {
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL - 3) + "..." : text;
    }

    private static String describe(Throwable e) {
        if (e instanceof EOFException) {
            return "unexpected end of data";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
