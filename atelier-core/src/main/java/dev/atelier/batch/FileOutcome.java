package dev.atelier.batch;

/** What happened to one picture: {@code reason} is set when it failed; seconds of work (0 when skipped). */
public record FileOutcome(String input, String output, Status status, String reason, double seconds) {

    public enum Status { DONE, SKIPPED, FAILED }
}
