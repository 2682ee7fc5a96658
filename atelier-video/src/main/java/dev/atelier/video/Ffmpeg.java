package dev.atelier.video;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's process-wide settings. */
final class Ffmpeg {

    static {
        // FFmpeg writes its notes straight to stderr; failures reach the user through our exceptions instead
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private Ffmpeg() {
    }

    /** Silences FFmpeg's logging (idempotent). */
    static void quiet() {
        // the static initialiser did it
    }
}
