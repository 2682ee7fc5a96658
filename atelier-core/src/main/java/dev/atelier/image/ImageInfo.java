package dev.atelier.image;

/**
 * What an image file's header says, read without decoding its pixels.
 *
 * @param format one of {@code "JPEG"}, {@code "PNG"}, {@code "BMP"}, {@code "GIF"}
 * @param width  in pixels (for a GIF: of its first frame)
 * @param height in pixels (for a GIF: of its first frame)
 */
public record ImageInfo(String format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }
}
