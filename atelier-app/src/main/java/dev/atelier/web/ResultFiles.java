package dev.atelier.web;

import dev.atelier.image.ImageSaver;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder of finished pictures, one {@code <job id>.png} each, written atomically. Only server-made ids name
 * files here. A folder the server made itself is removed when it stops.
 */
final class ResultFiles implements AutoCloseable {

    private final Path directory;
    private final boolean owned;

    private ResultFiles(Path directory, boolean owned) {
        this.directory = directory;
        this.owned = owned;
    }

    /** The given folder (created if missing), or a new temporary one when {@code directory} is null. */
    static ResultFiles in(Path directory) {
        try {
            if (directory == null) {
                return new ResultFiles(Files.createTempDirectory("atelier-results-"), true);
            }
            Files.createDirectories(directory);
            return new ResultFiles(directory, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the results folder " + directory, e);
        }
    }

    Path pathFor(Job job) {
        return directory.resolve(job.id() + ".png");
    }

    Path save(Job job, BufferedImage image) {
        Path file = pathFor(job);
        ImageSaver.save(image, file);
        return file;
    }

    void delete(Job job) {
        try {
            Files.deleteIfExists(pathFor(job));
        } catch (IOException e) {
            // Left for the next sweep or the operator: a stale file is harmless.
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A temporary folder: the system cleans it eventually.
        }
    }
}
