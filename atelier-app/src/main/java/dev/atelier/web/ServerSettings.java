package dev.atelier.web;

import dev.atelier.transfer.Schedule;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the web app is served and what it accepts.
 *
 * @param host              address to bind; loopback unless the user says otherwise
 * @param port              0 picks a free port
 * @param stylesDirectory   the gallery's folder, or null for an empty gallery
 * @param resultsDirectory  where finished pictures are written, or null for a temporary folder removed at stop
 * @param queueCapacity     jobs that may wait behind the running one
 * @param maxUploadBytes    largest accepted file, per uploaded image
 * @param maxPixels         largest accepted image, from its header, before anything is decoded
 * @param maxOutputSide     largest longest side a job may ask for
 * @param defaultOutputSide what the page offers first
 * @param keepResults       how long a finished job and its picture are kept
 * @param previewInterval   longest wait between two previews of a running job (one is also made per outer iteration)
 * @param schedule          how each job spends its evaluations
 */
public record ServerSettings(String host, int port, Path stylesDirectory, Path resultsDirectory, int queueCapacity,
                             long maxUploadBytes, long maxPixels, int maxOutputSide, int defaultOutputSide,
                             Duration keepResults, Duration previewInterval, Schedule schedule) {

    /** Below this the seed preset's deepest style layer has too few pixels to mean anything. */
    public static final int MIN_OUTPUT_SIDE = 64;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_QUEUE = 8;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L << 20;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_MAX_OUTPUT_SIDE = 1024;
    public static final int DEFAULT_OUTPUT_SIDE = 512;
    public static final Duration DEFAULT_KEEP_RESULTS = Duration.ofHours(1);
    public static final Duration DEFAULT_PREVIEW_INTERVAL = Duration.ofSeconds(2);

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the queue must hold at least one job, got " + queueCapacity);
        }
        if (maxUploadBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
        if (maxOutputSide < MIN_OUTPUT_SIDE) {
            throw new IllegalArgumentException("the largest output side must be at least " + MIN_OUTPUT_SIDE
                    + ", got " + maxOutputSide);
        }
        defaultOutputSide = Math.max(MIN_OUTPUT_SIDE, Math.min(defaultOutputSide, maxOutputSide));
        if (keepResults.isNegative() || keepResults.isZero() || previewInterval.isNegative()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /** The defaults of {@code atelier serve}. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, null, null, DEFAULT_QUEUE, DEFAULT_MAX_UPLOAD_BYTES,
                DEFAULT_MAX_PIXELS, DEFAULT_MAX_OUTPUT_SIDE, DEFAULT_OUTPUT_SIDE, DEFAULT_KEEP_RESULTS,
                DEFAULT_PREVIEW_INTERVAL, Schedule.seed());
    }
}
