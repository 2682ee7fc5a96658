package dev.atelier.cli;

/** A failure caused by what the user asked for (a file that cannot be written, …); reported as one line. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }

    UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
