package dev.atelier.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code --report} JSON: {@code {"style", "done", "skipped", "failed", "seconds", "files": [{"input",
 * "output", "outcome": "done|skipped|failed", "reason", "seconds"}]}}, written atomically.
 */
public final class BatchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchReport() {}

    public static void write(Path file, BatchSummary summary) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("style", summary.style());
        root.put("done", summary.count(FileOutcome.Status.DONE));
        root.put("skipped", summary.count(FileOutcome.Status.SKIPPED));
        root.put("failed", summary.count(FileOutcome.Status.FAILED));
        root.put("seconds", summary.seconds());
        ArrayNode files = root.putArray("files");
        for (FileOutcome f : summary.files()) {
            ObjectNode o = files.addObject().put("input", f.input()).put("output", f.output())
                    .put("outcome", f.status().name().toLowerCase(Locale.ROOT));
            if (f.reason() != null) {
                o.put("reason", f.reason());
            }
            o.put("seconds", f.seconds());
        }
        AtomicFile.write(file, out -> JSON.writeValue(out, root));
    }
}
