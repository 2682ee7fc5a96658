package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.image.ImageLoader;
import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's check 2: with --no-temporal each frame is exactly {@code apply} on the decoded frame. */
class NoTemporalEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void everyFrameIsApplyOnTheDecodedFrame() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 3, 6, 24, true);
        Files.createDirectories(dir.resolve("frames"));
        String output = dir.resolve("frames/%05d.png").toString();
        CliRun run = CliRun.of("video", "--input", input.toString(), "--weights", TestNetworks.waveFolder().toString(),
                "--output", output, "--no-temporal");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("frame 6/6").contains("frames/s").contains("ETA");
        int n = 0;
        try (StyleNetwork net = TestNetworks.wave();
                FrameSource source = FrameSource.open(input.toString(), 25, 0, 0)) {
            FrameSource.Item item;
            while ((item = source.next()) != null) {
                if (item instanceof FrameSource.Picture p) {
                    n++;
                    BufferedImage expected = net.apply(p.image());
                    BufferedImage actual = ImageLoader.read(FramePattern.file(output, n));
                    assertThat(pixels(actual)).as("frame %d", n).isEqualTo(pixels(expected));
                }
            }
        }
        assertThat(n).isEqualTo(6);
        assertThat(FramePattern.file(output, 7)).doesNotExist();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
