package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line on stderr, a non-zero exit, no stack trace, and no output file. */
class BadInputTest {

    @TempDir
    Path tmp;
    Path out;
    Path content;
    Path style;
    Path weights;

    @BeforeEach
    void setUp() {
        out = tmp.resolve("out.png");
        content = SharedFiles.smallImage("golden_gate-64x64.png");
        style = SharedFiles.smallImage("the_scream-64x64.png");
        weights = SharedFiles.tinyWeights();
    }

    private CliRun stylize(String... overrides) {
        List<String> args = new ArrayList<>(List.of("stylize", "--content", content.toString(), "--style",
                style.toString(), "--weights", weights.toString(), "--output", out.toString(), "--size", "32",
                "--iterations", "1", "--evaluations-per-iteration", "2", "--quiet"));
        args.addAll(Arrays.asList(overrides));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertFailsCleanly(CliRun run, String... mentions) {
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ", "internal error");
        for (String m : mentions) {
            assertThat(run.err()).contains(m);
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnknownOrMissingCommandIsOneLineNamingTheCommandsOnce() {
        CliRun unknown = CliRun.of("frobnicate");
        assertFailsCleanly(unknown, "atelier: unknown command 'frobnicate'", "stylize", "train", "(see 'atelier --help')");
        assertThat(unknown.exitCode()).isEqualTo(2);
        CliRun none = CliRun.of();
        assertFailsCleanly(none, "atelier: a command is required");
        CliRun nested = CliRun.of("weights", "frob");
        assertFailsCleanly(nested, "atelier weights: unknown command 'frob'", "list", "(see 'atelier weights --help')");
        for (CliRun run : List.of(unknown, none, nested)) {
            assertThat(run.err()).doesNotContain("atelier atelier", "Unmatched argument");
        }
    }

    @Test
    void missingContentImage() {
        assertFailsCleanly(stylize("--content", tmp.resolve("nope.jpg").toString()), "nope.jpg");
    }

    @Test
    void missingStyleImage() {
        assertFailsCleanly(stylize("--style", tmp.resolve("gone.png").toString()), "gone.png");
    }

    @Test
    void emptyImage() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.png"));
        assertFailsCleanly(stylize("--content", empty.toString()), "empty.png");
    }

    @Test
    void textFileNamedPng() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.png"), "just some text, not an image\n");
        assertFailsCleanly(stylize("--style", text.toString()), "notes.png");
    }

    @Test
    void corruptImage() throws IOException {
        byte[] png = Files.readAllBytes(content);
        Path cut = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(png, png.length / 3));
        assertFailsCleanly(stylize("--content", cut.toString()), "cut.png");
    }

    @Test
    void truncatedWeights() throws IOException {
        byte[] h5 = Files.readAllBytes(weights);
        Path cut = Files.write(tmp.resolve("cut.h5"), Arrays.copyOf(h5, h5.length / 2));
        assertFailsCleanly(stylize("--weights", cut.toString()), "cut.h5");
    }

    @Test
    void incompleteWeights() {
        assertFailsCleanly(stylize("--weights", SharedFiles.fixture("vgg16-incomplete-div16.h5").toString()),
                "incomplete");
    }

    @Test
    void badSizes() {
        for (String size : new String[] {"0", "-5", "100000", "abc", "3.5"}) {
            assertFailsCleanly(stylize("--size", size), "--size");
        }
    }

    @Test
    void outputInAMissingDirectory() {
        out = tmp.resolve("no-such-dir").resolve("out.png");
        assertFailsCleanly(stylize("--output", out.toString()), "does not exist");
    }

    @Test
    void outputWhereFilesCannotBeCreated() {
        out = Path.of("/proc/atelier-out.png");
        assertFailsCleanly(stylize("--output", out.toString()), "/proc");
    }

    @Test
    void outputWithAnUnsupportedExtension() {
        out = tmp.resolve("out.tiff");
        assertFailsCleanly(stylize("--output", out.toString()), "out.tiff");
    }

    @Test
    void negativeWeightAndUnknownRestart() {
        assertFailsCleanly(stylize("--style-weight", "-1"), "--style-weight");
        assertFailsCleanly(stylize("--restart", "sometimes"), "--restart");
    }

    @Test
    void badInitFile() {
        assertFailsCleanly(stylize("--init", tmp.resolve("start.png").toString()), "start.png");
    }
}
