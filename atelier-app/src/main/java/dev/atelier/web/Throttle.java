package dev.atelier.web;

import java.time.Duration;

/** Lets something through at most once per interval, unless forced; the first call always passes. */
final class Throttle {

    private final long intervalNanos;
    private long last;
    private boolean passed;

    Throttle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    boolean due(boolean force, long nowNanos) {
        if (force || !passed || nowNanos - last >= intervalNanos) {
            passed = true;
            last = nowNanos;
            return true;
        }
        return false;
    }
}
