package dev.atelier.spark;

import dev.atelier.batch.Painter;
import dev.atelier.batch.StyleSource;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.network.TensorEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.spark.SparkFiles;

/**
 * The style network of this executor JVM: opened by the first task that needs it and shared by every later task
 * (tasks run as threads of one executor). The native engine is configured once, before it starts, with the
 * driver's thread count; a semaphore bounds the forward passes running at once, so the executor's cores are
 * shared the way measured best for {@code batch}.
 */
final class ExecutorNetworks {

    /** How a source becomes a network; tests of this module replace it (local mode runs in their JVM). */
    static volatile Function<StyleSource, StyleNetwork> opener = StyleSource::open;

    private static Painter painter;
    private static StyleSource openedFor;
    private static Semaphore forwards;

    private ExecutorNetworks() {}

    static synchronized Painter painter(JobSettings settings) {
        if (painter == null) {
            TensorEngine.configure(settings.engineThreads());
            StyleSource source = locate(settings.style());
            painter = Painter.of(opener.apply(source), settings.style().styleName());
            openedFor = settings.style();
            forwards = new Semaphore(settings.forwardsAtOnce());
        } else if (!openedFor.equals(settings.style())) {
            painter.close();
            painter = null;
            return painter(settings);
        }
        return painter;
    }

    static Semaphore forwards() {
        return forwards;
    }

    /**
     * A weights path every executor can read is used as is; otherwise a file shipped with {@code --files} (found
     * by SparkFiles) or an archive unpacked by {@code --archives x.zip#NAME} into the working directory.
     */
    private static StyleSource locate(StyleSource source) {
        if (source.weights() == null || Files.exists(Path.of(source.weights()))) {
            return source;
        }
        String name = Path.of(source.weights()).getFileName().toString();
        for (Path candidate : new Path[] {Path.of(SparkFiles.get(name)), Path.of(name)}) {
            if (Files.exists(candidate)) {
                return StyleSource.weights(candidate.toString());
            }
        }
        return source;
    }

    /** Frees the network (the driver, once a local-mode job has ended). */
    static synchronized void close() {
        if (painter != null) {
            painter.close();
            painter = null;
        }
    }
}
