package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier apply} as a user runs it: sizes, several photos, strength, and one line for every wrong file. */
class ApplyCommandTest {

    @TempDir
    Path tmp;

    private static final String NETWORK = "src/test/resources/instant/johnson-scaled.safetensors";

    private static BufferedImage read(Path p) throws IOException {
        return ImageIO.read(p.toFile());
    }

    private void assertOneLine(CliRun run, String... mentions) {
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ", "internal error").contains(mentions);
    }

    @Test
    void oddSizedPhotoKeepsItsExactSizeAndTheReferencesPicture() throws IOException {
        Path out = tmp.resolve("out.png");
        CliRun run = CliRun.of("apply", "--content", "src/test/resources/instant/tubingen-101x75.png", "--weights",
                NETWORK, "--output", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage picture = read(out);
        assertThat(picture.getWidth()).isEqualTo(101);
        assertThat(picture.getHeight()).isEqualTo(75);
        long[] c = dev.atelier.instant.PictureComparisonAccess.compare(picture,
                read(Path.of("src/test/resources/instant/johnson-scaled-101x75.png")));
        assertThat((double) c[1] / c[0]).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void severalPhotosGoToTheOutputFolderAtTheAskedSize() throws IOException {
        Path dir = tmp.resolve("results");
        CliRun run = CliRun.of("apply", "--content", "src/test/resources/instant/tubingen-101x75.png",
                SharedFiles.smallImage("golden_gate-64x64.png").toString(), "--weights", NETWORK, "--output-dir",
                dir.toString(), "--size", "48");
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage a = read(dir.resolve("tubingen-101x75.png"));
        BufferedImage b = read(dir.resolve("golden_gate-64x64.png"));
        assertThat(new int[] {a.getWidth(), a.getHeight(), b.getWidth(), b.getHeight()}).containsExactly(48, 36, 48, 48);
        assertThat(run.err()).contains("tubingen-101x75.png ->", "golden_gate-64x64.png ->");
    }

    @Test
    void strengthZeroIsThePhotoAndFiftyTheAverage() throws IOException {
        Path photo = Path.of("src/test/resources/instant/tubingen-64x64.png");
        Path zero = tmp.resolve("zero.png");
        Path full = tmp.resolve("full.png");
        Path half = tmp.resolve("half.png");
        for (String[] s : new String[][] {{"0", zero.toString()}, {"100", full.toString()}, {"50", half.toString()}}) {
            CliRun run = CliRun.of("apply", "--content", photo.toString(), "--weights", NETWORK, "--strength", s[0],
                    "--output", s[1], "--quiet");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        BufferedImage p = read(photo);
        BufferedImage z = read(zero);
        BufferedImage f = read(full);
        BufferedImage h = read(half);
        int differ = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(z.getRGB(x, y)).isEqualTo(p.getRGB(x, y));
                for (int shift = 0; shift <= 16; shift += 8) {
                    int a = (p.getRGB(x, y) >> shift) & 0xFF;
                    int b = (f.getRGB(x, y) >> shift) & 0xFF;
                    int m = (h.getRGB(x, y) >> shift) & 0xFF;
                    assertThat(Math.abs(2 * m - (a + b))).isLessThanOrEqualTo(1);
                    differ += a != b ? 1 : 0;
                }
            }
        }
        assertThat(differ).as("the network changed the picture").isGreaterThan(1000);
    }

    @Test
    void vggFilesAreRefusedInOneLine() {
        Path out = tmp.resolve("out.png");
        assertOneLine(CliRun.of("apply", "--content", "src/test/resources/instant/tubingen-64x64.png", "--weights",
                "src/test/resources/weights/vgg16-div16.h5", "--output", out.toString()), "Keras HDF5", "not a style network");
        assertOneLine(CliRun.of("apply", "--content", "src/test/resources/instant/tubingen-64x64.png", "--weights",
                "src/test/resources/weights/vgg16-div16-legacy.pth", "--output", out.toString()),
                "not a TransformerNet", "VGG weights are for stylize");
        assertThat(out).doesNotExist();
    }

    @Test
    void aStyleNetworkGivenToStylizeIsNamedAsSuch() {
        Path out = tmp.resolve("out.png");
        assertOneLine(CliRun.of("stylize", "--content", "src/test/resources/instant/tubingen-64x64.png", "--style",
                SharedFiles.smallImage("the_scream-64x64.png").toString(), "--weights", NETWORK, "--size", "32",
                "--output", out.toString(), "--quiet"), "is an instant style network (johnson)", "atelier apply --weights");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSizeBelowWhatTheNetworkTakesIsOneLineNamingTheSmallest() {
        Path out = tmp.resolve("tiny.png");
        assertOneLine(CliRun.of("apply", "--content", "src/test/resources/instant/tubingen-64x64.png", "--weights",
                NETWORK, "--size", "4", "--output", out.toString()), "4x4 pixels", "needs sides of at least 5 pixels",
                "--size");
        assertThat(out).doesNotExist();
    }

    @Test
    void severalPhotosNeedAnOutputFolder() {
        assertOneLine(CliRun.of("apply", "--content", "a.png", "b.png", "--weights", NETWORK, "--output",
                tmp.resolve("o.png").toString()), "--output-dir");
    }

    @Test
    void strengthOutOfRange() throws IOException {
        assertOneLine(CliRun.of("apply", "--content", "a.png", "--weights", NETWORK, "--strength", "120"),
                "--strength must be between 0 and 100");
        assertThat(Files.exists(Path.of("out.png"))).isFalse();
    }
}
