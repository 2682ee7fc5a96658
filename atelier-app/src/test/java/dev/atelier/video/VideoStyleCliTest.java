package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import dev.atelier.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code video --style}: the optimisation path through the command line, and what its default is. */
class VideoStyleCliTest {

    private static final int FRAMES = 4;

    @TempDir
    Path dir;

    private List<int[]> run(Path input, String name, String... options) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<String> args = new ArrayList<>(List.of("video", "--input", input.toString(),
                "--style", SharedFiles.smallImage("starry_night-128x96.png").toString(),
                "--loss-weights", SharedFiles.darknet().resolve("model.json").toString(), "--preset", "darknet",
                "--iterations", "1", "--evaluations-per-iteration", "4", "--threads", "1",
                "--output", folder.resolve("%03d.png").toString(), "--quiet"));
        args.addAll(List.of(options));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<int[]> frames = new ArrayList<>();
        for (int i = 1; i <= FRAMES; i++) {
            BufferedImage image = ImageLoader.read(folder.resolve(String.format("%03d.png", i)));
            frames.add(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
        }
        assertThat(folder.resolve(String.format("%03d.png", FRAMES + 1))).doesNotExist();
        return frames;
    }

    @Test
    void theDefaultIsTheBlendOfFramesPaintedOnTheirOwn() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 48, 32, 2, FRAMES, 24, false);
        List<int[]> byDefault = run(input, "default");
        List<int[]> blend = run(input, "blend", "--temporal-weight", "0", "--temporal-strength", "0.7");
        List<int[]> independent = run(input, "independent", "--no-temporal");
        List<int[]> ruder = run(input, "ruder", "--temporal-weight", "1e7");
        for (int i = 0; i < FRAMES; i++) {
            assertThat(byDefault.get(i)).as("frame %d, default against the blend", i + 1).isEqualTo(blend.get(i));
        }
        // The first frame is painted as stylize would paint it, whatever the stabilisation; later ones are steadied.
        assertThat(byDefault.get(0)).isEqualTo(independent.get(0)).isEqualTo(ruder.get(0));
        assertThat(byDefault.get(FRAMES - 1)).isNotEqualTo(independent.get(FRAMES - 1));
        assertThat(ruder.get(FRAMES - 1)).isNotEqualTo(independent.get(FRAMES - 1))
                .isNotEqualTo(byDefault.get(FRAMES - 1));
    }
}
