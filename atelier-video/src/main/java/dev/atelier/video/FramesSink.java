package dev.atelier.video;

import dev.atelier.image.ImageSaver;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.bytedeco.javacv.Frame;

/**
 * Numbered frames ({@code frames/%05d.png}, from 1): the work folder's PNGs are moved under their names at the end
 * (JPEG ones re-encoded), so nothing appears before the run is complete. No sound.
 */
final class FramesSink implements FrameSink {

    private final String pattern;
    private final WorkFolder work;
    private long frames;

    FramesSink(String pattern, WorkFolder work) {
        this.pattern = pattern;
        this.work = work;
    }

    @Override
    public void picture(BufferedImage frame) {
        frames++;
    }

    @Override
    public void sound(Frame samples) {
    }

    @Override
    public void finish() {
        boolean png = pattern.toLowerCase(Locale.ROOT).endsWith(".png");
        for (long i = 1; i <= frames; i++) {
            Path to = FramePattern.file(pattern, i);
            try {
                if (png) {
                    Files.move(work.frame(i), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    ImageSaver.save(work.load(i), to);
                }
            } catch (IOException e) {
                throw new VideoException("Cannot write " + to + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void discard() {
    }

    @Override
    public void abandon() {
    }
}
