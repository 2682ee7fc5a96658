package dev.atelier.cli;

import dev.atelier.transfer.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Draws run progress on stderr: one redrawn line on a terminal, one line per outer iteration otherwise (logs, CI).
 */
final class ProgressBar implements Consumer<Progress> {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void accept(Progress p) {
        long now = System.nanoTime();
        if (interactive) {
            if (p.iterationEnd() || now - lastDraw > REDRAW_NANOS) {
                out.print("\r" + line(p) + "\033[K");
                out.flush();
                lastDraw = now;
                drawn = true;
            }
        } else if (p.iterationEnd()) {
            out.println(line(p));
        }
    }

    /** Ends the redrawn line, if any. */
    void finish() {
        if (interactive && drawn) {
            out.println();
        }
    }

    static String line(Progress p) {
        double fraction = p.budget() == 0 ? 1 : Math.min(1, (double) p.evaluations() / p.budget());
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        double eta = Double.isNaN(p.remainingSeconds()) ? 0 : p.remainingSeconds();
        return String.format(Locale.ROOT, "[%s] iteration %d/%d  evals %d/%d  loss %.4e  %s elapsed  ETA %s",
                bar, p.iteration(), p.iterations(), p.evaluations(), p.budget(), p.loss().total(),
                clock(p.seconds()), clock(eta));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
