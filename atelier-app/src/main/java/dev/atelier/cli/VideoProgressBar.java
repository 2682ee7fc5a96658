package dev.atelier.cli;

import dev.atelier.video.VideoProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/** Frame progress of a video run on stderr: one redrawn line on a terminal, a line every 10% otherwise. */
final class VideoProgressBar implements Consumer<VideoProgress> {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private long lastTenth = -1;
    private boolean drawn;

    VideoProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void accept(VideoProgress p) {
        long now = System.nanoTime();
        if (interactive) {
            if (p.done() == p.total() || now - lastDraw > REDRAW_NANOS) {
                out.print("\r" + line(p) + "\033[K");
                out.flush();
                lastDraw = now;
                drawn = true;
            }
        } else {
            long tenth = p.total() > 0 ? p.done() * 10 / p.total() : p.done() / 100;
            if (tenth != lastTenth) {
                out.println(line(p));
                lastTenth = tenth;
            }
        }
    }

    void finish() {
        if (interactive && drawn) {
            out.println();
        }
    }

    static String line(VideoProgress p) {
        double fraction = p.total() == 0 ? 0 : Math.min(1, (double) p.done() / p.total());
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        double eta = p.remainingSeconds();
        return String.format(Locale.ROOT, "[%s] frame %d/%s  %.2f frames/s  %s elapsed  ETA %s", bar, p.done(),
                p.total() > 0 ? Long.toString(p.total()) : "?", p.framesPerSecond(), ProgressBar.clock(p.seconds()),
                Double.isNaN(eta) ? "?" : ProgressBar.clock(eta));
    }
}
