package dev.atelier.cli;

import dev.atelier.batch.BatchProgress;
import dev.atelier.batch.FileOutcome;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The batch's progress on stderr: one bar over the files, redrawn on a terminal (a line every 10% otherwise);
 * every failure on a line of its own, with its reason.
 */
final class BatchProgressBar implements Consumer<BatchProgress> {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final boolean quiet;
    private boolean drawn;
    private int lastTenth = -1;

    BatchProgressBar(PrintStream out, boolean interactive, boolean quiet) {
        this.out = out;
        this.interactive = interactive;
        this.quiet = quiet;
    }

    @Override
    public void accept(BatchProgress p) {
        FileOutcome last = p.last();
        if (last.status() == FileOutcome.Status.FAILED) {
            out.print((interactive && drawn ? "\r\033[K" : "") + "atelier: failed " + last.input() + ": "
                    + last.reason() + "\n");
        }
        if (quiet) {
            return;
        }
        if (interactive) {
            out.print("\r" + line(p) + "\033[K");
            drawn = true;
        } else {
            int tenth = p.total() == 0 ? 10 : p.finished() * 10 / p.total();
            if (tenth != lastTenth) {
                out.println(line(p));
                lastTenth = tenth;
            }
        }
        out.flush();
    }

    void finish() {
        if (interactive && drawn) {
            out.println();
        }
    }

    static String line(BatchProgress p) {
        double fraction = p.total() == 0 ? 1 : (double) p.finished() / p.total();
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = Double.isNaN(p.etaSeconds()) ? "-" : ProgressBar.clock(p.etaSeconds());
        return String.format(Locale.ROOT, "[%s] %d/%d files  done %d  skipped %d  failed %d  %.2f files/s  "
                        + "%s elapsed  ETA %s", "#".repeat(filled) + ".".repeat(WIDTH - filled), p.finished(),
                p.total(), p.done(), p.skipped(), p.failed(), p.filesPerSecond(), ProgressBar.clock(p.seconds()),
                eta);
    }
}
