package dev.atelier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.io.AtomicFile;
import dev.atelier.transfer.RunReport;
import dev.atelier.transfer.StylizeJob;
import java.io.IOException;
import java.nio.file.Path;

/** The {@code --report} JSON file. */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    static void write(Path file, RunReport history, StylizeJob.Result result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("final_loss", result.loss().total());
        root.put("evaluations", result.evaluations());
        root.put("seconds", result.seconds());
        root.put("launch_to_optimisation_seconds", history.launchToOptimisationSeconds());
        ArrayNode entries = root.putArray("history");
        for (RunReport.Entry e : history.history()) {
            entries.addObject().put("iteration", e.iteration()).put("evaluations", e.evaluations())
                    .put("loss", e.loss()).put("content", e.content()).put("style", e.style()).put("tv", e.tv())
                    .put("seconds", e.seconds());
        }
        ArrayNode steps = root.putArray("steps");
        for (RunReport.Step s : history.steps()) {
            steps.addObject().put("step", s.step()).put("evaluations", s.evaluations()).put("loss", s.loss())
                    .put("seconds", s.seconds()).put("width", s.width()).put("height", s.height());
        }
        try {
            AtomicFile.write(file, out -> JSON.writeValue(out, root));
        } catch (IOException e) {
            throw new UserException("cannot write report " + file + ": " + AtomicFile.describe(e), e);
        }
    }
}
