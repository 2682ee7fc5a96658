package dev.atelier.video;

import dev.atelier.image.ImageException;
import dev.atelier.image.animation.GifAnimationWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.javacv.Frame;

/**
 * An animated GIF made at the end from the work folder's frames (so an interrupted run leaves nothing): 256
 * colours with ordered dithering ({@link GifAnimationWriter}), each frame shown for 1/rate rounded to the GIF's
 * hundredths of a second. No sound.
 */
final class GifSink implements FrameSink {

    private final Path target;
    private final WorkFolder work;
    private final double frameRate;
    private long frames;

    GifSink(Path target, WorkFolder work, double frameRate) {
        this.target = target;
        this.work = work;
        this.frameRate = frameRate;
    }

    @Override
    public void picture(BufferedImage frame) {
        frames++; // already in the work folder
    }

    @Override
    public void sound(Frame samples) {
    }

    @Override
    public void finish() {
        Duration delay = Duration.ofMillis(Math.max(20, Math.round(100 / frameRate) * 10));
        try (GifAnimationWriter gif = GifAnimationWriter.open(target, delay, delay, null)) {
            for (long i = 1; i <= frames; i++) {
                gif.addFrame(work.load(i));
            }
            gif.finish();
        } catch (ImageException e) {
            throw new VideoException(e.getMessage(), e);
        }
    }

    @Override
    public void discard() {
    }

    @Override
    public void abandon() {
    }
}
