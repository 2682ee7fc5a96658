package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model darknet-tiny} (and {@code --preset darknet} alone) fetches Darknet Tiny through the mirror into the
 * cache on first use and paints with it; the darknet preset's options that make no sense there get one line.
 */
class DarknetModelCliTest {

    @TempDir
    Path cache;
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(CacheDirectory.PROPERTY);
    }

    private static String[] stylize(Path out, String... more) {
        String[] base = {"stylize", "--content", SharedFiles.smallImage("golden_gate-64x64.png").toString(),
            "--style", SharedFiles.smallImage("the_scream-64x64.png").toString(), "--output", out.toString(),
            "--size", "48", "--iterations", "1", "--evaluations-per-iteration", "3", "--quiet"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theDarknetPresetDownloadsDarknetTinyOnceAndPaintsWithIt() throws IOException {
        System.setProperty(CacheDirectory.PROPERTY, cache.toString());
        try (TestFolderServer server = new TestFolderServer(SharedFiles.root().resolve("mirror"))) {
            Path first = tmp.resolve("first.png");
            CliRun run = CliRun.of(stylize(first, "--preset", "darknet", "--mirror", server.base()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(first).exists();
            assertThat(cache.resolve("weights/darknet-tiny/model.json")).exists();
            int requests = server.requests().size();
            assertThat(requests).isEqualTo(32);

            Path second = tmp.resolve("second.png");
            CliRun again = CliRun.of(stylize(second, "--model", "darknet-tiny", "--mirror", server.base()));
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(second).exists();
            assertThat(server.requests()).hasSize(requests);

            Path trained = tmp.resolve("trained.safetensors");
            CliRun train = CliRun.of("train", "--loss-network", "darknet-tiny", "--mirror", server.base(),
                    "--images", SharedFiles.smallImage("golden_gate-64x64.png").toString(),
                    "--style", SharedFiles.smallImage("the_scream-64x64.png").toString(), "--size", "16",
                    "--batch", "1", "--steps", "1", "--checkpoint-every", "0", "--output", trained.toString(),
                    "--quiet");
            assertThat(train.exitCode()).as(train.err()).isZero();
            assertThat(trained).exists();
            assertThat(server.requests()).hasSize(requests);
        }
    }

    @Test
    void optionsThatMakeNoSenseOnDarknetGetOneLine() {
        Path out = tmp.resolve("out.png");
        String model = SharedFiles.darknet().resolve("model.json").toString();
        CliRun avg = CliRun.of(stylize(out, "--weights", model, "--pooling", "avg"));
        assertThat(avg.exitCode()).isEqualTo(2);
        assertThat(avg.errLines()).singleElement().asString().contains("--pooling avg is not possible on darknet-tiny");
        CliRun vggLayer = CliRun.of(stylize(out, "--weights", model, "--style-layers", "conv1_1"));
        assertThat(vggLayer.errLines()).singleElement().asString()
                .contains("unknown layer 'conv1_1' for darknet-tiny", "leaky_re_lu_N");
        CliRun gatys = CliRun.of(stylize(out, "--weights", model, "--preset", "gatys", "--network", "darknet-tiny"));
        assertThat(gatys.errLines()).singleElement().asString().contains("preset gatys names no layers of darknet-tiny");
        assertThat(out).doesNotExist();
    }

    @Test
    void tooSmallASizeNamesTheSmallestThatWorks() {
        Path out = tmp.resolve("out.png");
        CliRun run = CliRun.of("stylize", "--content", SharedFiles.smallImage("tubingen-128x96.png").toString(),
                "--style", SharedFiles.smallImage("starry_night-128x96.png").toString(), "--weights",
                SharedFiles.tinyWeights().toString(), "--output", out.toString(), "--size", "8", "--quiet");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains("size 8 is too small for VGG16", "at least 16 pixels", "smallest size that works for it is 21")
                .doesNotContain("internal error");
        assertThat(Files.exists(out)).isFalse();
    }
}
