package dev.atelier.cli;

import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageSaver;
import dev.atelier.image.ImageSize;
import dev.atelier.image.animation.FrameNaming;
import dev.atelier.image.animation.GifAnimationWriter;
import dev.atelier.transfer.Progress;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code --save-every} and {@code --animation}: images taken from the progress stream at outer iterations' ends.
 * The animation is written as frames arrive and appears only when the run succeeds ({@link #finish}).
 */
final class IntermediateOutputs implements Consumer<Progress>, AutoCloseable {

    private static final Duration FRAME = Duration.ofMillis(250);
    private static final Duration LAST_FRAME = Duration.ofSeconds(2);

    private final Path output;
    private final Integer saveEvery;
    private final GifAnimationWriter animation;

    /** @param outputSize the final image's size: frames of coarse passes are scaled to it */
    IntermediateOutputs(Path output, Integer saveEvery, Path animation, ImageSize outputSize) {
        this.output = output;
        this.saveEvery = saveEvery;
        this.animation = animation == null ? null : GifAnimationWriter.open(animation, FRAME, LAST_FRAME, outputSize);
    }

    @Override
    public void accept(Progress p) {
        if (!p.iterationEnd()) {
            return;
        }
        boolean save = saveEvery != null && p.iteration() % saveEvery == 0;
        if (!save && animation == null) {
            return;
        }
        BufferedImage image = CaffePreprocessing.deprocess(p.image().get(), p.height(), p.width());
        if (save) {
            ImageSaver.save(image, FrameNaming.pathFor(output, p.iteration()));
        }
        if (animation != null) {
            animation.addFrame(image);
        }
    }

    /** Completes the animation file. */
    void finish() {
        if (animation != null) {
            animation.finish();
        }
    }

    /** Discards an unfinished animation (a failed run leaves no partial GIF). */
    @Override
    public void close() {
        if (animation != null) {
            animation.close();
        }
    }
}
