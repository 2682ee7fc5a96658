package dev.atelier.cli;

import dev.atelier.io.AtomicFile;
import java.nio.file.Path;

/** Checks output paths before a long run starts, so that a typo fails in a second rather than after an hour. */
final class OutputPaths {

    private OutputPaths() {}

    static void checkWritable(Path file) {
        String problem = AtomicFile.whyNotWritable(file);
        if (problem != null) {
            throw new UserException("cannot write " + file + ": " + problem);
        }
    }
}
