package dev.atelier.web;

import dev.atelier.image.ImageException;
import dev.atelier.image.ImageInfo;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageResizer;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * Turns uploaded bytes into an image fit for a job, refusing in plain words what is not an image or too large.
 * The format is recognised from the bytes, never from a file name; the size is read from the header and checked
 * before anything is decoded. At most a few uploads are decoded at once, so that many clients cannot exhaust the
 * memory together.
 */
final class UploadDecoder {

    private static final int CONCURRENT_DECODES = 2;

    private final long maxPixels;
    private final Semaphore decoding = new Semaphore(CONCURRENT_DECODES, true);

    UploadDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * Decodes {@code bytes}, the {@code role} ("photo", "style") of the upload, and shrinks it so that its longest
     * side is at most {@code longestSide}.
     */
    BufferedImage decode(byte[] bytes, String role, int longestSide) {
        ImageInfo info = probe(bytes, role);
        if (info.pixels() > maxPixels) {
            throw ApiException.tooLarge(String.format(Locale.ROOT,
                    "The %s is %d×%d pixels (%s megapixels); the limit is %s megapixels.", role, info.width(),
                    info.height(), megapixels(info.pixels()), megapixels(maxPixels)));
        }
        decoding.acquireUninterruptibly();
        try {
            BufferedImage image = ImageLoader.read(bytes, role, maxPixels);
            if (Math.max(image.getWidth(), image.getHeight()) > longestSide) {
                image = ImageResizer.resizeLongestSide(image, longestSide);
            }
            return image;
        } catch (ImageException e) {
            throw unreadable(role, e);
        } finally {
            decoding.release();
        }
    }

    /** The header's format and size; nothing is decoded. */
    static ImageInfo probe(byte[] bytes, String role) {
        try {
            return ImageLoader.probe(bytes, role);
        } catch (ImageException e) {
            throw unreadable(role, e);
        }
    }

    private static ApiException unreadable(String role, ImageException e) {
        String why = e.getMessage();
        String prefix = "Cannot read image " + role + ": ";
        if (why.startsWith(prefix)) {
            why = why.substring(prefix.length());
        }
        return ApiException.badRequest("The " + role + " cannot be read: " + why + ".");
    }

    private static String megapixels(long pixels) {
        double mp = pixels / 1e6;
        return mp >= 10 ? String.format(Locale.ROOT, "%.0f", mp) : String.format(Locale.ROOT, "%.1f", mp);
    }
}
