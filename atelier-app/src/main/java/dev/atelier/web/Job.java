package dev.atelier.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One painting job and its state. Written by the worker (and by a cancel), read by request threads: every field
 * that changes is volatile, and what belongs together is replaced as one value.
 */
final class Job {

    /** How a job ended: its picture (when done) and its size, or why it failed. */
    record Outcome(Path result, int width, int height, String error) {}

    private final String id;
    private final String styleLabel;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile JobRequest request;
    private volatile JobState state = JobState.QUEUED;
    private volatile JobProgress progress;
    private volatile Preview preview;
    private volatile Outcome outcome;
    private volatile Instant finished;
    /** For an instant style: the photo at the picture's size, which the page blends with it at any strength. */
    private volatile byte[] photoPng;

    Job(String id, JobRequest request) {
        this.id = id;
        this.request = request;
        this.styleLabel = request.styleLabel();
    }

    String id() {
        return id;
    }

    String styleLabel() {
        return styleLabel;
    }

    JobState state() {
        return state;
    }

    JobProgress progress() {
        return progress;
    }

    Preview preview() {
        return preview;
    }

    Outcome outcome() {
        return outcome;
    }

    byte[] photoPng() {
        return photoPng;
    }

    void photo(byte[] png) {
        photoPng = png;
    }

    /** When the job reached a final state, or null. */
    Instant finished() {
        return finished;
    }

    /** The request, until the worker takes it (the decoded images are not kept longer than needed). */
    JobRequest takeRequest() {
        JobRequest r = request;
        request = null;
        return r;
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void requestCancel() {
        cancelRequested.set(true);
    }

    void started() {
        state = JobState.RUNNING;
    }

    void progressed(JobProgress p) {
        progress = p;
    }

    void previewed(byte[] png) {
        Preview last = preview;
        preview = new Preview(png, last == null ? 1 : last.version() + 1);
    }

    /** A final state; a finished picture replaces the preview, which is then dropped to save memory. */
    void finish(JobState end, Outcome how, Instant when) {
        if (!end.isFinal()) {
            throw new IllegalArgumentException(end + " is not a final state");
        }
        request = null;
        outcome = how;
        if (end == JobState.DONE) {
            preview = null;
        }
        finished = when;
        state = end;
    }
}
