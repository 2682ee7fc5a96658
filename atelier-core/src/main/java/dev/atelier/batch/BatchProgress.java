package dev.atelier.batch;

/**
 * Where a batch stands after a file: counts so far, and the pace over the files painted (skipped ones cost
 * nothing and are left out of it). {@code etaSeconds} is NaN until a file has been painted.
 */
public record BatchProgress(FileOutcome last, int finished, int total, int done, int skipped, int failed,
                            double seconds, double filesPerSecond, double etaSeconds) {}
