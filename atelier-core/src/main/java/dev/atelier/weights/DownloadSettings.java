package dev.atelier.weights;

import java.time.Duration;

/**
 * How patient downloads are.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param readTimeout      how long to wait for the next bytes (headers or body) before calling the server stalled
 * @param attempts         tries per source while each one makes progress (an interrupted body resumes)
 * @param maxUnknownSize   the most bytes accepted for a file whose size is not published
 */
public record DownloadSettings(Duration connectTimeout, Duration readTimeout, int attempts, long maxUnknownSize) {

    public DownloadSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 3, 2L << 30);
    }

    public DownloadSettings withTimeouts(Duration connect, Duration read) {
        return new DownloadSettings(connect, read, attempts, maxUnknownSize);
    }
}
