package dev.atelier.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import dev.atelier.cli.Main;
import dev.atelier.weights.FloatTensor;
import dev.atelier.weights.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL after a checkpoint and resumed ends, at one thread, with exactly the parameters of a run
 * that was never interrupted (random crops, so the batches of the resumed steps must be the same too).
 */
class TrainResumeTest {

    private static final int STEPS = 30;

    @TempDir
    Path dir;

    private List<String> args(Path output) throws Exception {
        Path photos = dir.resolve("photos");
        if (!Files.exists(photos)) {
            Files.createDirectories(photos);
            Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), photos.resolve("a.png"));
            Files.copy(SharedFiles.smallImage("golden_gate-64x64.png"), photos.resolve("b.png"));
            Files.copy(SharedFiles.smallImage("the_scream-64x64.png"), photos.resolve("c.png"));
        }
        return new ArrayList<>(List.of("train", "--loss-network", SharedFiles.tinyWeights().toString(),
                "--style", SharedFiles.smallImage("starry_night-128x96.png").toString(), "--images", photos.toString(),
                "--size", "32", "--batch", "2", "--steps", Integer.toString(STEPS), "--threads", "1", "--seed", "7",
                "--crop", "random", "--checkpoint-every", "2", "--output", output.toString(), "--quiet"));
    }

    @Test
    void aKilledRunResumesToTheSameParameters() throws Exception {
        Path whole = dir.resolve("whole.safetensors");
        CliRun uninterrupted = CliRun.of(args(whole).toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

        Path killed = dir.resolve("killed.safetensors");
        Path checkpoint = TrainingRun.checkpointFile(killed);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args(killed));
        Process other = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(checkpoint) && other.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            other.destroyForcibly(); // SIGKILL
            other.waitFor();
        } finally {
            other.destroyForcibly();
        }
        assertThat(checkpoint).as(Files.readString(dir.resolve("killed.log"))).exists();
        assertThat(killed).as("killed before it finished").doesNotExist();
        long stepAtKill = Long.parseLong(Safetensors.read(checkpoint).metadata().get("step"));
        assertThat(stepAtKill).isBetween(2L, STEPS - 1L);

        List<String> resume = args(killed);
        resume.addAll(List.of("--resume", checkpoint.toString(), "--report", dir.resolve("r.json").toString()));
        CliRun resumed = CliRun.of(resume.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        Map<String, FloatTensor> a = Safetensors.read(whole).tensors();
        Map<String, FloatTensor> b = Safetensors.read(killed).tensors();
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (String name : a.keySet()) {
            assertThat(b.get(name).values()).as(name).containsExactly(a.get(name).values());
        }
        assertThat(Safetensors.read(killed).metadata().get("steps")).isEqualTo(Integer.toString(STEPS));
        // The report covers the whole run, the steps before the kill included.
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("r.json").toFile())
                .get("steps")).hasSize(STEPS);
    }
}
