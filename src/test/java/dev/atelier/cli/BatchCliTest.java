package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
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
