package dev.atelier.spark;

import dev.atelier.batch.ImageBytes;
import dev.atelier.batch.Painter;
import dev.atelier.image.ImageException;
import dev.atelier.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;

/**
 * A task: paints its partition's pictures one at a time (one picture's bytes in memory per task), each written
 * to a temporary name and renamed; returns the failures. Counts go to accumulators, which Spark applies once per
 * successful task, so retries do not count twice.
 */
final class PaintPartition implements FlatMapFunction<Iterator<WorkItem>, Failure> {

    /** Larger files are refused before they are read (a 50-megapixel JPEG is far smaller). */
    static final long MAX_FILE_BYTES = 512L << 20;

    private final JobSettings settings;
    private final SerializableConfiguration hadoop;
    private final LongAccumulator done;
    private final LongAccumulator failed;

    PaintPartition(JobSettings settings, SerializableConfiguration hadoop, LongAccumulator done,
                   LongAccumulator failed) {
        this.settings = settings;
        this.hadoop = hadoop;
        this.done = done;
        this.failed = failed;
    }

    @Override
    public Iterator<Failure> call(Iterator<WorkItem> items) throws Exception {
        TaskContext task = TaskContext.get();
        String attempt = settings.runId() + "-" + task.stageId() + "-" + task.partitionId() + "-"
                + task.attemptNumber();
        boolean inject = settings.failFirstAttempt() && task.partitionId() == 0 && task.attemptNumber() == 0;
        Configuration conf = hadoop.get();
        Path root = new Path(settings.outputRoot());
        FileSystem out = HadoopFiles.fs(root, conf);
        List<Failure> failures = new ArrayList<>();
        int written = 0;
        while (items.hasNext()) {
            WorkItem item = items.next();
            Path target = new Path(root, item.relativeOutput());
            if (inject && written == 1) {
                // Test-only: die as a killed executor would, half-way through writing a picture.
                out.mkdirs(target.getParent());
                try (var partial = out.create(HadoopFiles.temp(target, attempt), true)) {
                    partial.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                }
                throw new IllegalStateException("injected failure (test only) in attempt 0 of partition 0");
            }
            String reason = paint(item, target, conf, out, attempt);
            if (reason == null) {
                done.add(1);
                written++;
            } else {
                failed.add(1);
                failures.add(new Failure(item.shown(), reason));
            }
        }
        return failures.iterator();
    }

    /** Paints one picture; the reason it failed, or null. */
    private String paint(WorkItem item, Path target, Configuration conf, FileSystem out, String attempt) {
        try {
            Path source = new Path(item.input());
            byte[] bytes = HadoopFiles.read(HadoopFiles.fs(source, conf), source, MAX_FILE_BYTES);
            BufferedImage photo = ImageLoader.read(bytes, item.shown(), settings.maxPixels());
            Painter painter = ExecutorNetworks.painter(settings);
            Semaphore forwards = ExecutorNetworks.forwards();
            BufferedImage painted;
            forwards.acquireUninterruptibly();
            try {
                painted = painter.paint(photo);
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName() + ": " + oneLine(e.getMessage());
            } finally {
                forwards.release();
            }
            HadoopFiles.writeAtomically(out, target, attempt, ImageBytes.encode(painted, item.relativeOutput()),
                    true);
            return null;
        } catch (ImageException e) {
            return oneLine(e.getMessage());
        } catch (IOException e) {
            return "cannot read or write: " + oneLine(e.getMessage());
        } catch (OutOfMemoryError e) {
            return "out of memory";
        }
    }

    private static String oneLine(String m) {
        return m == null ? "" : m.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
