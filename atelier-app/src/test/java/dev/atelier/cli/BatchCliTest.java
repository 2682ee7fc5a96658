package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `atelier batch`: bad input is one line and a non-zero exit, before anything is loaded or written. */
class BatchCliTest {

    @TempDir
    Path tmp;
    Path photos;

    @BeforeEach
    void setUp() throws IOException {
        photos = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(photos.resolve("a.jpg"), "x");
    }

    private static void assertOneLine(CliRun run, int exit, String... mentions) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ", "internal error");
        for (String m : mentions) {
            assertThat(run.err()).contains(m);
        }
    }

    @Test
    void paintsWithARealNetworkWritesTheReportAndExitsThreeWhenSomeFailed() throws IOException {
        Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), photos.resolve("tubingen.png"));
        Path wave = SharedFiles.root().resolve("mirror/ml5js/ml5-data-and-models/"
                + "0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/style-transfer/wave");
        Path out = tmp.resolve("styled");
        Path report = tmp.resolve("run.json");
        CliRun run = CliRun.of("batch", "--input", photos.toString(), "--output", out.toString(), "--weights",
                wave.toString(), "--report", report.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("atelier: failed " + photos.resolve("a.jpg") + ": ");
        assertThat(run.errLines().get(1)).startsWith("atelier: 1 done, 0 skipped, 1 failed of 2 files in ");
        assertThat(out.resolve("tubingen.png.wave.png")).isRegularFile();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("done").asInt()).isEqualTo(1);
        assertThat(json.get("files")).hasSize(2);
        assertThat(json.get("files").get(0).get("outcome").asText()).isEqualTo("failed");
        assertThat(json.get("files").get(0).get("reason").asText()).isNotBlank();
        assertThat(json.get("files").get(1).get("outcome").asText()).isEqualTo("done");
        assertThat(json.get("files").get(1).get("seconds").asDouble()).isPositive();

        Files.delete(photos.resolve("a.jpg"));
        CliRun again = CliRun.of("batch", "--input", photos.toString(), "--output", out.toString(), "--weights",
                wave.toString(), "--quiet");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("0 done, 1 skipped, 0 failed");
    }

    @Test
    void inputFolderThatDoesNotExist() {
        Path gone = tmp.resolve("gone");
        assertOneLine(CliRun.of("batch", "--input", gone.toString(), "--output", tmp.resolve("out").toString(),
                "--weights", photos.toString()), 1, "input " + gone + " does not exist");
    }

    @Test
    void outputInsideTheInput() {
        assertOneLine(CliRun.of("batch", "--input", photos.toString(), "--output",
                photos.resolve("styled").toString(), "--weights", photos.toString()), 1, "inside the input folder");
        assertThat(photos.resolve("styled")).doesNotExist();
    }

    @Test
    void unknownModel() {
        assertOneLine(CliRun.of("batch", "--input", photos.toString(), "--output", tmp.resolve("out").toString(),
                "--model", "no-such-style"), 1, "unknown style model 'no-such-style'");
    }

    @Test
    void noStyleAtAll() {
        assertOneLine(CliRun.of("batch", "--input", photos.toString(), "--output", tmp.resolve("out").toString()),
                2, "--model NAME, --weights PATH or --style FILE");
    }

    @Test
    void weightsThatDoNotExist() {
        assertOneLine(CliRun.of("batch", "--input", photos.toString(), "--output", tmp.resolve("out").toString(),
                "--weights", tmp.resolve("nowhere").toString()), 1, "nowhere does not exist");
    }
}
