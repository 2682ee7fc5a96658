package dev.atelier.weights;

/** A weights file that cannot be used; the message is one line naming the file and the problem. */
public class WeightsException extends RuntimeException {
    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
