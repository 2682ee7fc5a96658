package dev.atelier.batch;

import dev.atelier.image.ImageException;
import dev.atelier.image.ImageLoader;
import java.awt.image.BufferedImage;
import dev.atelier.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Paints a list of pictures into an output folder. The painter is opened once, when the first file needs it (a
 * run where everything is already done never loads it); {@code parallel} files are painted at once. Each result
 * is written atomically, so an existing output is always complete: it is skipped unless {@code overwrite}. A file
 * that fails is recorded with its reason and the run goes on.
 */
public final class BatchRun {

    /**
     * How a run writes: output root, naming, whether to redo existing outputs, pictures in flight (read, painted,
     * encoded, written), forward passes at once among them, pixel limit.
     */
    public record Settings(Path outputRoot, OutputNames names, boolean overwrite, int parallel, int forwards,
                           long maxPixels) {
        public Settings {
            if (parallel < 1 || forwards < 1) {
                throw new BatchException("--parallel and --forwards must be at least 1");
            }
        }

        /** Every picture in flight painted at once. */
        public Settings(Path outputRoot, OutputNames names, boolean overwrite, int parallel, long maxPixels) {
            this(outputRoot, names, overwrite, parallel, parallel, maxPixels);
        }
    }

    private final Settings settings;
    private final Supplier<Painter> opener;
    private Painter painter;
    private Semaphore painting;

    public BatchRun(Settings settings, Supplier<Painter> opener) {
        this.settings = settings;
        this.opener = opener;
    }

    /**
     * Refuses an output folder inside the input's folder (the next run would take the results for inputs) and
     * two inputs that would write the same output.
     */
    public static void checkLayout(Path inputRoot, List<BatchInput> inputs, Settings settings) {
        Path out = real(settings.outputRoot());
        if (inputRoot != null) {
            Path in = real(inputRoot);
            if (out.startsWith(in)) {
                throw new BatchException("output folder " + settings.outputRoot() + " is inside the input folder "
                        + inputRoot + " (the results would be read as inputs); choose another --output");
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (BatchInput input : inputs) {
            String name = settings.names().relativeOutput(input.relative());
            String before = seen.putIfAbsent(name, input.file().toString());
            if (before != null) {
                throw new BatchException("inputs " + before + " and " + input.file() + " would both be written to "
                        + name + "; use --name with {dir} or {path}");
            }
        }
    }

    /** The path with every existing ancestor resolved through symbolic links. */
    private static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** AtomicFile's temporary names: {@code .out.png.5f3a9c1e.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    /**
     * Removes the temporary files that a killed run left in the output folder (a process killed with SIGKILL
     * while writing cannot remove its own); returns how many.
     */
    public static int removeLeftovers(Path outputRoot) {
        if (!Files.isDirectory(outputRoot)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(outputRoot)) {
            List<Path> stale = walk.filter(p -> TEMPORARY.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).toList();
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
            return stale.size();
        } catch (IOException | UncheckedIOException e) {
            throw new BatchException("cannot clean output folder " + outputRoot + ": " + AtomicFile.describe(e), e);
        }
    }

    /** Runs every input; {@code listener} hears after each file (from worker threads, one at a time). */
    public BatchSummary run(List<BatchInput> inputs, Consumer<BatchProgress> listener) {
        long start = System.nanoTime();
        removeLeftovers(settings.outputRoot());
        Tally tally = new Tally(inputs.size(), start, listener);
        ExecutorService workers = Executors.newFixedThreadPool(settings.parallel(), task -> {
            Thread t = new Thread(task, "atelier-batch-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<FileOutcome>> futures = new ArrayList<>();
        try {
            for (BatchInput input : inputs) {
                futures.add(workers.submit(() -> tally.add(process(input))));
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return new BatchSummary(settings.names().style(), outcomes,
                    (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OpenFailure open) {
                throw open.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new BatchException(e.getCause().toString(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Closes the painter, if it was opened. */
    public void closePainter() {
        synchronized (this) {
            if (painter != null) {
                painter.close();
                painter = null;
            }
        }
    }

    private synchronized Painter painter() {
        if (painter == null) {
            try {
                painter = opener.get();
            } catch (RuntimeException e) {
                throw new OpenFailure(e);
            }
            painting = new Semaphore(Math.max(1, Math.min(settings.forwards(), painter.maxParallel())));
        }
        return painter;
    }

    private FileOutcome process(BatchInput input) {
        String relativeOut = settings.names().relativeOutput(input.relative());
        Path out = settings.outputRoot().resolve(relativeOut);
        String in = input.file().toString();
        if (!settings.overwrite() && Files.isRegularFile(out)) {
            return new FileOutcome(in, out.toString(), FileOutcome.Status.SKIPPED, null, 0);
        }
        long t0 = System.nanoTime();
        try {
            BufferedImage photo = ImageLoader.read(Files.readAllBytes(input.file()), in, settings.maxPixels());
            Painter p = painter(); // opened once a picture needs it; a failure to open it ends the run
            byte[] result;
            painting.acquireUninterruptibly();
            try {
                result = ImageBytes.encode(p.paint(photo), relativeOut);
            } finally {
                painting.release();
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            AtomicFile.write(out, o -> o.write(result));
            return new FileOutcome(in, out.toString(), FileOutcome.Status.DONE, null, (System.nanoTime() - t0) / 1e9);
        } catch (ImageException e) {
            return failed(in, out, oneLine(e.getMessage()), t0);
        } catch (IOException e) {
            return failed(in, out, AtomicFile.describe(e), t0);
        } catch (OutOfMemoryError e) {
            return failed(in, out, "out of memory (" + oneLine(e.getMessage()) + ")", t0);
        } catch (OpenFailure e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(in, out, e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()), t0);
        }
    }

    private static FileOutcome failed(String in, Path out, String reason, long t0) {
        return new FileOutcome(in, out.toString(), FileOutcome.Status.FAILED, reason, (System.nanoTime() - t0) / 1e9);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** The painter could not be opened: no file can succeed, so the run stops with this. */
    private static final class OpenFailure extends RuntimeException {
        OpenFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Counts and pace, updated as files finish. */
    private static final class Tally {
        private final int total;
        private final long start;
        private final Consumer<BatchProgress> listener;
        private int done;
        private int skipped;
        private int failed;
        private long firstWork = -1;

        Tally(int total, long start, Consumer<BatchProgress> listener) {
            this.total = total;
            this.start = start;
            this.listener = listener;
        }

        synchronized FileOutcome add(FileOutcome o) {
            switch (o.status()) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            long now = System.nanoTime();
            int worked = done + failed;
            if (o.status() != FileOutcome.Status.SKIPPED && firstWork < 0) {
                firstWork = now - (long) (o.seconds() * 1e9);
            }
            double workSeconds = firstWork < 0 ? 0 : (now - firstWork) / 1e9;
            double rate = worked == 0 || workSeconds <= 0 ? 0 : worked / workSeconds;
            int finished = done + skipped + failed;
            double eta = rate == 0 ? Double.NaN : (total - finished) / rate;
            listener.accept(new BatchProgress(o, finished, total, done, skipped, failed, (now - start) / 1e9, rate,
                    eta));
            return o;
        }
    }
}
