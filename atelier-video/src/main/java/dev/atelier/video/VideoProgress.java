package dev.atelier.video;

/**
 * After each frame.
 *
 * @param done     frames finished (including frames taken from an earlier, interrupted run)
 * @param total    the expected number of frames (from the container's header; 0 if unknown)
 * @param resumed  frames taken from the earlier run
 * @param seconds  time since the run started
 */
public record VideoProgress(long done, long total, long resumed, double seconds, VideoTimings timings) {

    /** Frames per second over the frames this run made itself. */
    public double framesPerSecond() {
        return seconds > 0 ? (done - resumed) / seconds : 0;
    }

    /** Seconds still to go at the rate so far; NaN if unknown. */
    public double remainingSeconds() {
        double fps = framesPerSecond();
        return total > done && fps > 0 ? (total - done) / fps : total > 0 && done >= total ? 0 : Double.NaN;
    }
}
