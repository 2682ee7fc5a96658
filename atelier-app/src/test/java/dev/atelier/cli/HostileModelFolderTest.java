package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TF.js model folder that is not what its model.json says gets one clear line naming the problem and exit 1; the
 * folder is left as it was and nothing is written.
 */
class HostileModelFolderTest {

    @TempDir
    Path tmp;
    Path model;
    Path out;

    @BeforeEach
    void copyTheModel() throws IOException {
        model = tmp.resolve("darknettiny");
        Files.createDirectories(model);
        try (Stream<Path> files = Files.list(SharedFiles.darknet())) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        out = tmp.resolve("out.png");
    }

    private CliRun stylize() {
        return CliRun.of("stylize", "--content", SharedFiles.smallImage("golden_gate-64x64.png").toString(),
                "--style", SharedFiles.smallImage("the_scream-64x64.png").toString(), "--weights",
                model.resolve("model.json").toString(), "--output", out.toString(), "--size", "32", "--iterations",
                "1", "--evaluations-per-iteration", "2", "--quiet");
    }

    private void assertFailsCleanly(String... mentions) throws IOException {
        List<String> before = listing();
        CliRun run = stylize();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ", "internal error");
        for (String m : mentions) {
            assertThat(run.err()).contains(m);
        }
        assertThat(out).doesNotExist();
        assertThat(listing()).isEqualTo(before);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.map(p -> tmp.relativize(p) + ":" + (Files.isRegularFile(p) ? p.toFile().length() : -1))
                    .sorted().toList();
        }
    }

    private void editModelJson(UnaryOperator<String> edit) throws IOException {
        Path json = model.resolve("model.json");
        Files.writeString(json, edit.apply(Files.readString(json, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void theUntouchedCopyWorks() {
        CliRun run = stylize();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void shardCutShort() throws IOException {
        Path shard = model.resolve("group4-shard1of1");
        byte[] b = Files.readAllBytes(shard);
        Files.write(shard, java.util.Arrays.copyOf(b, b.length - 10));
        assertFailsCleanly("group4-shard1of1", "holds " + (b.length - 10) + " bytes", "need " + b.length);
    }

    @Test
    void shardOfTheWrongSize() throws IOException {
        Path shard = model.resolve("group7-shard1of1");
        long size = Files.size(shard);
        Files.write(shard, new byte[64], java.nio.file.StandardOpenOption.APPEND);
        assertFailsCleanly("group7-shard1of1", "holds " + (size + 64) + " bytes");
    }

    @Test
    void manifestShapesThatDoNotMatchTheBytes() throws IOException {
        editModelJson(s -> s.replaceFirst("(\"name\": \"batch_normalization_1/gamma\", \"shape\": \\[)16\\]", "$117]"));
        assertFailsCleanly("weights group 1", "holds 256 bytes", "need 260");
    }

    @Test
    void manifestShapesThatDoNotMatchTheTopology() throws IOException {
        // Same bytes, other shape: the kernel then does not fit the layer's filters and input channels.
        editModelJson(s -> s.replaceFirst("(\"name\": \"conv2d_1/kernel\", \"shape\": \\[)3, 3, 3, 16\\]",
                "$13, 3, 16, 3]"));
        assertFailsCleanly("conv2d_1", "kernel of shape [3, 3, 16, 3]", "expected [3, 3, 3, 16]");
    }

    @Test
    void unknownLayerClass() throws IOException {
        editModelJson(s -> s.replaceFirst("\"class_name\": \"LeakyReLU\"", "\"class_name\": \"PReLU\""));
        assertFailsCleanly("leaky_re_lu_1 is a PReLU", "cannot run");
    }

    @Test
    void missingShard() throws IOException {
        Files.delete(model.resolve("group12-shard1of1"));
        assertFailsCleanly("shard group12-shard1of1", "is missing");
    }

    @Test
    void modelJsonThatIsNotJson() throws IOException {
        Files.writeString(model.resolve("model.json"), "<html><body>404 Not Found</body></html>\n");
        assertFailsCleanly("model.json", "is not JSON");
    }

    @Test
    void shardNamesMustStayInTheFolder() throws IOException {
        editModelJson(s -> s.replaceFirst("\"group1-shard1of1\"", "\"../../etc/passwd\""));
        assertFailsCleanly("'../../etc/passwd' is not a plain file name");
    }
}
