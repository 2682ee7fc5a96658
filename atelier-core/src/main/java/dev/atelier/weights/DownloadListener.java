package dev.atelier.weights;

import java.net.URI;
import java.nio.file.Path;

/** Hears how a download goes, e.g. to draw a progress bar; every method has a do-nothing default. */
public interface DownloadListener {

    DownloadListener NONE = new DownloadListener() { };

    /** Another process (or thread) is downloading the same file; this one waits for it. */
    default void waiting(Path lockFile) {
    }

    /** A transfer starts, at byte {@code from} (more than 0 when resuming) of {@code total} (-1: unknown). */
    default void started(URI source, long from, long total) {
    }

    default void progressed(long bytes, long total) {
    }

    /** The transfer ended (well or not) and what was received is being checked. */
    default void transferEnded() {
    }
}
