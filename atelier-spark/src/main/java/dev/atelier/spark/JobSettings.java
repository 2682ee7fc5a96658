package dev.atelier.spark;

import dev.atelier.batch.StyleSource;
import java.io.Serializable;

/**
 * What every task needs, shipped from the driver: the network to open, the output root, the pixel limit, the
 * engine's threads and how many forward passes an executor runs at once (its tasks share one network), and a
 * test-only failure injection.
 */
public record JobSettings(StyleSource style, String outputRoot, long maxPixels, int engineThreads, int forwardsAtOnce,
                   String runId, boolean failFirstAttempt) implements Serializable {}
