package dev.atelier.video;

import java.awt.image.BufferedImage;

/**
 * Turns the clip's frames, in order, into stylised frames: an instant network with temporal stabilisation
 * ({@link InstantPainter}), or the optimisation path ({@link OptimisingPainter}). Holds what it needs of the
 * previous frame.
 */
public interface FramePainter extends AutoCloseable {

    /** What paints (for the resume key and messages). */
    String name();

    /** The stylised picture of {@code frame}, the next frame of the clip. */
    BufferedImage paint(BufferedImage frame);

    /** Continues after a frame made earlier (a resumed run): as if {@link #paint} had returned {@code output}. */
    void remember(BufferedImage frame, BufferedImage output);

    /** Time spent on optical flow so far, in nanoseconds (included in the painting time). */
    long flowNanos();

    /** Time spent on reliability masks, warping and blending so far (included in the painting time). */
    long warpNanos();

    @Override
    void close();
}
