package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code video --model wave}: the style comes from the catalogue, downloaded through a local mirror. */
class VideoModelTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(CacheDirectory.PROPERTY);
    }

    @Test
    void videoModelDownloadsTheStyleThenPaintsEveryFrame() throws Exception {
        Path frames = Files.createDirectories(tmp.resolve("in"));
        for (int i = 1; i <= 3; i++) {
            Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), frames.resolve(String.format("%05d.png", i)));
        }
        Path out = tmp.resolve("out.gif");
        System.setProperty(CacheDirectory.PROPERTY, tmp.resolve("cache").toString());
        try (TestFolderServer server = new TestFolderServer(SharedFiles.root().resolve("mirror"))) {
            CliRun run = CliRun.of("video", "--input", frames.resolve("%05d.png").toString(), "--model", "wave",
                    "--mirror", server.base(), "--output", out.toString(), "--size", "64", "--quiet");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(tmp.resolve("cache/weights/wave/manifest.json")).exists();
        assertThat(out).exists();
    }

    @Test
    void aLossNetworkIsNotAStyle() throws Exception {
        Path frames = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), frames.resolve("00001.png"));
        CliRun run = CliRun.of("video", "--input", frames.resolve("%05d.png").toString(), "--model", "vgg16-keras",
                "--output", tmp.resolve("o.mp4").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().contains("is a loss network", "not an instant style");
        assertThat(tmp.resolve("o.mp4")).doesNotExist();
    }
}
