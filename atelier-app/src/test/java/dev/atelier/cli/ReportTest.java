package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report}: the loss curve step by step, over every coarse-to-fine pass. */
class ReportTest {

    @TempDir
    Path tmp;

    @Test
    void reportListsEveryAcceptedStepOfEveryPass() throws IOException {
        Path report = tmp.resolve("run.json");
        CliRun run = CliRun.of("stylize",
                "--content", SharedFiles.smallImage("golden_gate-64x64.png").toString(),
                "--style", SharedFiles.smallImage("the_scream-64x64.png").toString(),
                "--weights", SharedFiles.tinyWeights().toString(), "--output", tmp.resolve("out.png").toString(),
                "--size", "32", "--scales", "24", "--scale-iterations", "1", "--iterations", "2",
                "--evaluations-per-iteration", "12", "--quiet", "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode root = new ObjectMapper().readTree(report.toFile());
        JsonNode steps = root.get("steps");
        assertThat(steps.size()).isGreaterThan(3);
        List<Integer> widths = new ArrayList<>();
        int evaluations = 0;
        double seconds = 0;
        for (JsonNode s : steps) {
            assertThat(s.get("evaluations").asInt()).isGreaterThan(evaluations);
            assertThat(s.get("seconds").asDouble()).isGreaterThanOrEqualTo(seconds);
            evaluations = s.get("evaluations").asInt();
            seconds = s.get("seconds").asDouble();
            if (widths.isEmpty() || widths.get(widths.size() - 1) != s.get("width").asInt()) {
                widths.add(s.get("width").asInt());
            }
        }
        assertThat(widths).containsExactly(24, 32);
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.get("loss").asDouble()).isEqualTo(root.get("final_loss").asDouble());
        assertThat(last.get("evaluations").asInt()).isEqualTo(root.get("evaluations").asInt());
        assertThat(root.get("launch_to_optimisation_seconds").asDouble()).isPositive();
    }
}
