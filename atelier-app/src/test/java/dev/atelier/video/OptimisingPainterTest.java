package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.atelier.SharedFiles;
import dev.atelier.image.ImageLoader;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.StylizeJob;
import dev.atelier.weights.KerasH5Reader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimisation path on a tiny pan (channels/8 VGG16, a few evaluations a frame): the first frame is what
 * stylize paints; later frames start from the warped previous result under Ruder et al.'s temporal loss, which
 * lowers the warping error against painting every frame on its own.
 */
class OptimisingPainterTest {

    static final int W = 40;
    static final int H = 28;
    static final int STEP = 1;
    static final int FRAMES = 4;

    @Test
    void firstFrameIsStylizeAndTheTemporalLossLowersFlicker() {
        BufferedImage photo = TestClips.photo(W + STEP * FRAMES, H);
        BufferedImage style = ImageLoader.read(SharedFiles.smallImage("starry_night-128x96.png"));
        Recipe recipe = new Recipe(Preset.SEED, null, null, null, null, null, null, new Schedule(1, 8, true, 10), 100);
        JobSpec.InitChoice start = JobSpec.InitChoice.random(0);
        TensorEngine.start();
        try (NDManager manager = TensorEngine.newManager()) {
            FeatureNetwork net = FeatureNetworks.upload(KerasH5Reader.read(SharedFiles.tinyWeights()), manager);
            List<BufferedImage> plain = paint(new OptimisingPainter(net, style, recipe, start, 0, "plain"), photo);
            List<BufferedImage> steady = paint(new OptimisingPainter(net, style, recipe, start, 100, "steady"), photo);

            BufferedImage frame0 = TestClips.panFrame(photo, W, H, STEP, 0);
            BufferedImage stylize = new StylizeJob(net).run(new JobSpec(frame0, List.of(style), List.of(), List.of(),
                    null, 0, List.of(), 1, start, JobSpec.ColorMode.NONE, recipe), p -> true, () -> false).image();
            assertThat(pixels(plain.get(0))).isEqualTo(pixels(stylize));
            assertThat(pixels(steady.get(0))).isEqualTo(pixels(stylize));

            double ePlain = TemporalStabilityTest.flicker(plain, W, H, STEP);
            double eSteady = TemporalStabilityTest.flicker(steady, W, H, STEP);
            double worst = 0;
            for (int i = 0; i < FRAMES; i++) {
                worst = Math.max(worst, WarpingError.meanAbsoluteDifference(plain.get(i), steady.get(i)));
            }
            System.out.printf("optimisation path flicker E: independent frames %.2f, temporal loss %.2f (ratio %.2f);"
                    + " worst frame MAD %.2f%n", ePlain, eSteady, eSteady / ePlain, worst);
            assertThat(eSteady).isLessThan(ePlain);
        }
    }

    private static List<BufferedImage> paint(OptimisingPainter painter, BufferedImage photo) {
        List<BufferedImage> out = new ArrayList<>();
        try (painter) {
            for (int i = 0; i < FRAMES; i++) {
                out.add(painter.paint(TestClips.panFrame(photo, W, H, STEP, i)));
            }
        }
        return out;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
