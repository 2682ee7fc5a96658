package dev.atelier.batch;

import java.util.List;

/** Every file's outcome, in input order, and the counts. */
public record BatchSummary(String style, List<FileOutcome> files, double seconds) {

    public long count(FileOutcome.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    public boolean allSucceeded() {
        return count(FileOutcome.Status.FAILED) == 0;
    }
}
