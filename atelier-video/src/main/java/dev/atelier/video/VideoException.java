package dev.atelier.video;

/**
 * A video that cannot be read or written. The message is one line naming the file and the problem, fit to show a
 * user as it is, e.g. {@code Cannot read video clip.mp4: no video stream (audio only?)}.
 */
public class VideoException extends RuntimeException {

    public VideoException(String message) {
        super(message);
    }

    public VideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
