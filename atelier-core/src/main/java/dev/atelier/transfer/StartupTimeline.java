package dev.atelier.transfer;

import java.util.Locale;

/**
 * A start-up timeline for finding where the seconds before the first evaluation go: with
 * {@code -Datelier.trace=true} (through {@code ATELIER_JAVA_OPTS}) each mark prints the seconds since the process
 * was launched, the thread and what was just done, on stderr. Without it a mark does nothing.
 */
public final class StartupTimeline {

    private static final boolean ON = Boolean.getBoolean("atelier.trace");

    private StartupTimeline() {}

    public static void mark(String done) {
        if (ON) {
            System.err.printf(Locale.ROOT, "[%6.3f s %s] %s%n", ProcessAge.seconds(), Thread.currentThread().getName(),
                    done);
        }
    }
}
