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
     * The weight of the optimisation path's temporal loss unless told otherwise, per loss network family (see the
     * README's video section): measured on Darknet Tiny (trained); VGG's 100 was never measured on trained weights.
     */
    public static double defaultTemporalWeight(dev.atelier.network.NetworkFamily family) {
        return family == dev.atelier.network.NetworkFamily.DARKNET_TINY ? 1e7 : 100;
    }

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
