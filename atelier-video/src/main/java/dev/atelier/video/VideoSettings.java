package dev.atelier.video;

/**
 * How to stylise a clip.
 *
 * @param startSeconds     where to begin in the input
 * @param durationSeconds  how much of it to take; non-positive for the rest
 * @param size             longest side of the output frames; 0 keeps the input's size
 * @param temporalStrength 0 (no stabilisation) to 1; see {@link TemporalStabilizer}
 * @param framesRate       frames per second for numbered-frame input
 * @param resume           continue an interrupted run from its work folder
 */
public record VideoSettings(double startSeconds, double durationSeconds, int size, double temporalStrength,
        double framesRate, boolean resume) {

    /** The strength used unless told otherwise (chosen by measurement: see the README's video section). */
    public static final double DEFAULT_STRENGTH = 0.7;

    /**
     * The optimisation path's default temporal-loss weight: none. Every frame is painted on its own from the frame
     * and then blended with the warped previous output where the flow is reliable, as the instant path is; the one
     * setting measured to keep every frame within 15 levels of its own painting at the default budget (README's
     * video section). Ruder et al.'s temporal loss is there with a weight above 0.
     */
    public static final double DEFAULT_TEMPORAL_WEIGHT = 0;

    /**
     * The weight of Ruder et al.'s temporal loss that flickered least on Darknet Tiny (README's video section):
     * 0.03-0.07 of independent frames' flicker, but frames up to 21 levels from their own painting at the default
     * budget.
     */
    public static final double RUDER_WEIGHT_DARKNET = 1e7;

    public static VideoSettings defaults() {
        return new VideoSettings(0, 0, 0, DEFAULT_STRENGTH, 25, false);
    }

    public VideoSettings withStrength(double strength) {
        return new VideoSettings(startSeconds, durationSeconds, size, strength, framesRate, resume);
    }

    public VideoSettings withResume(boolean r) {
        return new VideoSettings(startSeconds, durationSeconds, size, temporalStrength, framesRate, r);
    }

    public VideoSettings withSize(int s) {
        return new VideoSettings(startSeconds, durationSeconds, s, temporalStrength, framesRate, resume);
    }

    public VideoSettings withWindow(double start, double duration) {
        return new VideoSettings(start, duration, size, temporalStrength, framesRate, resume);
    }
}
