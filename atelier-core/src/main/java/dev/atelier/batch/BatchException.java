package dev.atelier.batch;

/** A batch that cannot start (no such input folder, an output inside the input, …); one line for the user. */
public final class BatchException extends RuntimeException {
    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
