package dev.atelier.video;

import java.awt.image.BufferedImage;
import org.bytedeco.javacv.Frame;

/**
 * Where stylised frames go, one at a time. Nothing appears under the output's name until {@link #finish()};
 * {@link #close()} without {@code finish()} (a failed or interrupted run) removes whatever was written.
 */
public interface FrameSink extends AutoCloseable {

    /** Adds the next picture. */
    void picture(BufferedImage frame);

    /** Adds a block of sound (ignored by sinks that keep none). */
    void sound(Frame samples);

    /** Completes the output and moves it under its name. */
    void finish();

    /** Releases the encoder and removes the unfinished output; after {@code finish()} a no-op. */
    void discard();

    /**
     * Only deletes the unfinished output's files, touching no encoder state: for a shutdown hook (Ctrl-C), which
     * runs while the main thread may still be encoding.
     */
    void abandon();

    @Override
    default void close() {
        discard();
    }
}
