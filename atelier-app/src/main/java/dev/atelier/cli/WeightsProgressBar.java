package dev.atelier.cli;

import dev.atelier.weights.DownloadListener;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Download progress on stderr: bytes, rate and ETA, redrawn on a terminal, a line per tenth otherwise. */
final class WeightsProgressBar implements DownloadListener {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final String what;
    private long startNanos;
    private long startBytes;
    private long lastDraw;
    private int lastTenth;
    private boolean drawn;

    WeightsProgressBar(PrintStream out, boolean interactive, String what) {
        this.out = out;
        this.interactive = interactive;
        this.what = what;
    }

    @Override
    public void waiting(Path lockFile) {
        out.println("atelier: waiting for another download of " + what + " to finish (" + lockFile + ")");
    }

    @Override
    public void started(URI source, long from, long total) {
        out.println("atelier: downloading " + what + " from " + source
                + (from > 0 ? ", resuming at " + megabytes(from) : "")
                + (total >= 0 ? " (" + megabytes(total) + ")" : ""));
        startNanos = System.nanoTime();
        startBytes = from;
        lastTenth = total > 0 ? (int) (10 * from / total) : 0;
        drawn = false;
    }

    @Override
    public void progressed(long bytes, long total) {
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw > REDRAW_NANOS || bytes == total) {
                out.print("\r" + line(bytes, total, now) + "\033[K");
                out.flush();
                lastDraw = now;
                drawn = true;
            }
        } else if (total > 0 && (int) (10 * bytes / total) > lastTenth) {
            lastTenth = (int) (10 * bytes / total);
            out.println(line(bytes, total, now));
        }
    }

    @Override
    public void transferEnded() {
        if (interactive && drawn) {
            out.println();
            drawn = false;
        }
    }

    String line(long bytes, long total, long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = (bytes - startBytes) / seconds;
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s  %s/s", megabytes(bytes), megabytes((long) rate));
        }
        int filled = (int) Math.round((double) bytes / total * WIDTH);
        String bar = "#".repeat(Math.min(WIDTH, filled)) + ".".repeat(Math.max(0, WIDTH - filled));
        String eta = rate > 0 ? ProgressBar.clock((total - bytes) / rate) : "?";
        return String.format(Locale.ROOT, "[%s] %s / %s  %s/s  ETA %s", bar, megabytes(bytes), megabytes(total),
                megabytes((long) rate), eta);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
