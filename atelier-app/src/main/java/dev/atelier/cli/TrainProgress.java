package dev.atelier.cli;

import dev.atelier.train.StepRecord;
import dev.atelier.train.TrainingRun;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on stderr: step, images per second, the loss terms, elapsed time and ETA; one redrawn line on a
 * terminal, a line every 10 steps otherwise. At the end, one line on what was written and what was skipped.
 */
final class TrainProgress implements TrainingRun.Listener {

    private static final int WIDTH = 20;

    private final PrintStream out;
    private final boolean interactive;
    private final boolean quiet;
    private long firstStep;
    private double seconds;
    private boolean drawn;

    TrainProgress(PrintStream out, boolean interactive, boolean quiet) {
        this.out = out;
        this.interactive = interactive;
        this.quiet = quiet;
    }

    @Override
    public void onStart(long first, long steps, int images, int batch) {
        firstStep = first;
        if (!quiet) {
            out.printf(Locale.ROOT, "atelier: training on %d images, %d steps of %d%s%n", images, steps, batch,
                    first > 0 ? ", resuming after step " + first : "");
        }
    }

    @Override
    public void onStep(StepRecord r, long steps, int batch) {
        seconds += r.seconds();
        if (quiet) {
            return;
        }
        if (interactive) {
            out.print("\r" + line(r, steps, batch) + "\033[K");
            out.flush();
            drawn = true;
        } else if (r.step() % 10 == 0 || r.step() == steps || r.step() == firstStep + 1) {
            out.println(line(r, steps, batch));
        }
    }

    String line(StepRecord r, long steps, int batch) {
        long done = r.step() - firstStep;
        double perStep = seconds / Math.max(1, done);
        int filled = (int) Math.round((double) r.step() / steps * WIDTH);
        return String.format(Locale.ROOT, "[%s] step %d/%d  %.1f img/s  loss %.4g (content %.3g, style %.3g, tv %.3g)"
                        + "  %s elapsed  ETA %s", "#".repeat(filled) + ".".repeat(WIDTH - filled), r.step(), steps,
                batch / perStep, r.loss(), r.content(), r.style(), r.tv(), ProgressBar.clock(seconds),
                ProgressBar.clock(perStep * (steps - r.step())));
    }

    void finish(TrainingRun.Result result) {
        if (interactive && drawn) {
            out.println();
        }
        if (result.unreadable() > 0) {
            out.println("atelier: skipped " + result.unreadable() + " file" + (result.unreadable() == 1 ? "" : "s")
                    + " that could not be read as images");
        }
        if (!quiet) {
            out.println("atelier: wrote " + result.output() + (result.checkpoint() == null ? ""
                    : " (checkpoint " + result.checkpoint() + ")"));
        }
    }
}
