package dev.atelier.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import dev.atelier.weights.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code atelier train}: one line naming the problem, a non-zero exit, nothing written. */
class TrainBadInputTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out").resolve("style.safetensors");
    }

    private CliRun train(String... extra) throws IOException {
        Files.createDirectories(out().getParent());
        List<String> args = new ArrayList<>(List.of("train", "--loss-network", SharedFiles.tinyWeights().toString(),
                "--size", "16", "--batch", "2", "--steps", "2", "--threads", "1", "--output", out().toString(),
                "--report", dir.resolve("out").resolve("r.json").toString(), "--quiet"));
        args.addAll(List.of(extra));
        if (!args.contains("--style")) {
            args.addAll(List.of("--style", SharedFiles.smallImage("starry_night-128x96.png").toString()));
        }
        if (!args.contains("--images")) {
            args.addAll(List.of("--images", photos().toString()));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path photos() throws IOException {
        Path folder = dir.resolve("photos");
        if (!Files.exists(folder)) {
            Files.createDirectories(folder);
            Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), folder.resolve("a.png"));
        }
        return folder;
    }

    private void assertOneLineAndNothingWritten(CliRun run, int exit, String... words) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("atelier").doesNotContain("internal error").contains(words);
        try (Stream<Path> files = Files.list(out().getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnknownOrStyleLossNetworkIsNamedByTrainsOwnOption() throws IOException {
        for (String[] named : new String[][] {{"no-such-network", "--loss-network: unknown model 'no-such-network'",
                "darknet-tiny"}, {"wave", "--loss-network wave is a style network"}}) {
            Files.createDirectories(out().getParent());
            CliRun run = CliRun.of("train", "--loss-network", named[0], "--style",
                    SharedFiles.smallImage("starry_night-128x96.png").toString(), "--images", photos().toString(),
                    "--size", "16", "--steps", "1", "--output", out().toString(), "--quiet");
            assertOneLineAndNothingWritten(run, 2, java.util.Arrays.copyOfRange(named, 1, named.length));
            assertThat(run.err()).doesNotContain("--model:", "--model wave");
        }
    }

    @Test
    void anEmptyFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLineAndNothingWritten(train("--images", empty.toString()), 1, "no training images", "holds no files");
    }

    @Test
    void aFolderOfTextFiles() throws IOException {
        Path text = Files.createDirectories(dir.resolve("text").resolve("deeper"));
        Files.writeString(text.resolve("a.jpg"), "not a picture");
        Files.writeString(text.getParent().resolve("b.txt"), "nor this");
        assertOneLineAndNothingWritten(train("--images", text.getParent().toString()), 1, "none of the 2 files",
                "JPEG, PNG");
    }

    @Test
    void aStyleThatIsNotAnImage() throws IOException {
        Path style = Files.writeString(dir.resolve("style.jpg"), "hello");
        assertOneLineAndNothingWritten(train("--style", style.toString()), 1, style.toString());
    }

    @Test
    void aSizeTooSmall() throws IOException {
        CliRun run = train("--size", "8");
        assertOneLineAndNothingWritten(run, 2, "--size must be a multiple of 4 from 16", "got 8");
    }

    @Test
    void aResumeFileOfAnotherArchitecture() throws IOException {
        Path other = dir.resolve("other.safetensors");
        Safetensors.write(other, Map.of("conv.weight", new dev.atelier.weights.FloatTensor(new long[] {2},
                new float[] {1, 2})), Map.of(Checkpoint.MARK, "1", "architecture", "Engstrom fast-style-transfer"));
        assertOneLineAndNothingWritten(train("--resume", other.toString()), 1,
                "is a checkpoint of Engstrom fast-style-transfer, not of TransformerNet");
    }

    @Test
    void aResumeFileThatIsNotACheckpoint() throws IOException {
        assertOneLineAndNothingWritten(train("--resume", SharedFiles.tinyWeights().toString()), 1,
                "is not a safetensors file");
    }

    @Test
    void aResumeFileOfAnotherRun() throws IOException {
        CliRun first = train("--checkpoint-every", "1", "--seed", "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path checkpoint = dir.resolve("saved.safetensors");
        Files.move(TrainingRun.checkpointFile(out()), checkpoint);
        Files.delete(out());
        Files.delete(dir.resolve("out").resolve("r.json"));
        assertOneLineAndNothingWritten(train("--resume", checkpoint.toString(), "--seed", "2", "--steps", "3"), 1,
                "seed 1, this run has 2");
    }

    @Test
    void unreadableFilesAreSkippedAndCountedInOneLine() throws IOException {
        Files.writeString(photos().resolve("notes.txt"), "not a photo");
        Files.createDirectories(out().getParent());
        CliRun run = CliRun.of("train", "--loss-network", SharedFiles.tinyWeights().toString(), "--size", "16",
                "--batch", "2", "--steps", "1", "--threads", "1", "--output", out().toString(), "--style",
                SharedFiles.smallImage("starry_night-128x96.png").toString(), "--images", photos().toString(),
                "--checkpoint-every", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).filteredOn(l -> l.contains("skipped")).containsExactly(
                "atelier: skipped 1 file that could not be read as images");
        assertThat(out()).exists();
    }
}
