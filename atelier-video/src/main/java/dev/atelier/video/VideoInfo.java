package dev.atelier.video;

/**
 * What a decoded video holds.
 *
 * @param width         frame width in pixels (as decoded, before any resize)
 * @param height        frame height in pixels
 * @param frameRate     frames per second (the stream's average rate)
 * @param frameCount    frames in the part being read; an estimate from the container's header (exact for MP4),
 *                      0 when unknown
 * @param audioChannels 0 when there is no audio track
 * @param sampleRate    audio samples per second, 0 without audio
 */
public record VideoInfo(int width, int height, double frameRate, long frameCount, int audioChannels, int sampleRate) {

    public boolean hasAudio() {
        return audioChannels > 0;
    }
}
