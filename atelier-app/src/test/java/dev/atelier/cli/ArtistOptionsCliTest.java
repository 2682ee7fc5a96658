package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every artist option is validated: one clear line and a non-zero exit, before any work. */
class ArtistOptionsCliTest {

    @TempDir
    Path tmp;
    Path out;

    @BeforeEach
    void setUp() {
        out = tmp.resolve("out.png");
    }

    private CliRun stylize(String... extra) {
        List<String> args = new ArrayList<>(List.of("stylize",
                "--content", SharedFiles.smallImage("golden_gate-64x64.png").toString(),
                "--style", SharedFiles.smallImage("the_scream-64x64.png").toString(),
                "--weights", SharedFiles.tinyWeights().toString(), "--output", out.toString(), "--size", "32",
                "--iterations", "1", "--evaluations-per-iteration", "3", "--quiet"));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertRejected(CliRun run, String mention) {
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(mention).doesNotContain("Exception", "internal error");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownLayer() {
        assertRejected(stylize("--style-layers", "conv1_1,block9_conv1"), "unknown layer 'block9_conv1'");
    }

    @Test
    void blendWeightCountMustMatchTheStyles() {
        assertRejected(stylize("--style-blend-weights", "3,1"), "2 blend weights for 1 styles");
    }

    @Test
    void maskCountAndShape() throws IOException {
        Path wide = tmp.resolve("wide.png");
        ImageIO.write(new BufferedImage(80, 20, BufferedImage.TYPE_INT_RGB), "png", wide.toFile());
        assertRejected(stylize("--mask", wide + "," + wide), "2 masks for 1 styles");
        assertRejected(stylize("--mask", wide.toString()), "aspect ratio");
    }

    @Test
    void strengthOutOfRange() {
        assertRejected(stylize("--strength", "-5"), "strength");
        assertRejected(stylize("--strength", "101"), "strength");
    }

    @Test
    void presetOnTheWrongNetworkSaysHowToFixIt() {
        assertRejected(stylize("--preset", "gatys"), "--network vgg16");
        assertRejected(stylize("--preset", "picasso"), "unknown preset");
    }

    @Test
    void otherBadValues() {
        assertRejected(stylize("--pooling", "median"), "--pooling");
        assertRejected(stylize("--match-colors", "lab"), "--match-colors");
        assertRejected(stylize("--optimizer", "sgd"), "--optimizer");
        assertRejected(stylize("--init-noise", "2"), "--init-noise");
        assertRejected(stylize("--init", "style", "--init-noise", "0.5"), "--init-noise");
        assertRejected(stylize("--style-scale", "0"), "style scale");
        assertRejected(stylize("--animation", tmp.resolve("a.png").toString()), "--animation");
        assertRejected(stylize("--scales", "0,64"), "--scales");
        assertRejected(stylize("--multiscale", "--scales", "16"), "not both");
    }

    @Test
    void presetRunsWithExplicitNetworkAndWritesTheOutput() {
        CliRun run = stylize("--preset", "johnson", "--network", "vgg16", "--strength", "60", "--pooling", "avg");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void saveEveryAndAnimationWriteTheProgression() throws IOException {
        Path gif = tmp.resolve("progress.gif");
        CliRun run = stylize("--iterations", "4", "--save-every", "2", "--animation", gif.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tmp.resolve("out_0002.png")).exists();
        assertThat(tmp.resolve("out_0004.png")).exists();
        assertThat(tmp.resolve("out_0001.png")).doesNotExist();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(4);
            assertThat(reader.getWidth(0)).isEqualTo(32);
        }
    }
}
