package dev.atelier.web;

import java.util.Locale;

/** Where a job is in its life; the last three are final. */
enum JobState {
    QUEUED, RUNNING, DONE, CANCELLED, FAILED;

    boolean isFinal() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }

    /** As the API spells it. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
