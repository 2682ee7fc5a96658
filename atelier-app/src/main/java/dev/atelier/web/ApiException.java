package dev.atelier.web;

/**
 * A request the server refuses, with the HTTP status and a message in plain words that the page shows as it is.
 * {@code retryAfterSeconds} (0: none) becomes a {@code Retry-After} header.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    ApiException(int status, String message) {
        this(status, message, 0);
    }

    ApiException(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException busy(long retryAfterSeconds) {
        return new ApiException(429, "The server is busy: try again in " + retryAfterSeconds + " seconds.",
                retryAfterSeconds);
    }

    int status() {
        return status;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
