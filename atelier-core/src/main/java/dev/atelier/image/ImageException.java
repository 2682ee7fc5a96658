package dev.atelier.image;

/**
 * An image that cannot be read or written. The message is always one line naming the file (or upload) and
 * the problem, fit to show a user as it is, e.g.
 * {@code Cannot read image /in/cat.png: not a JPEG, PNG, BMP or GIF image}.
 */
public class ImageException extends RuntimeException {

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
