package dev.atelier.image.animation;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A hidden temporary file next to a target (e.g. {@code .out.gif.5f3a9c1e.tmp}), created empty with the default
 * permissions, that is either moved over the target in one atomic rename or deleted: the scheme of
 * {@link dev.atelier.io.AtomicFile}, for a file written piece by piece over time rather than in one call.
 */
final class AtomicTempFile {

    private final Path target;
    private final Path temp;

    private AtomicTempFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Creates the temporary file; {@code target} must be absolute. */
    static AtomicTempFile createFor(Path target) throws IOException {
        Path directory = target.getParent();
        String name = target.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            Path temp = directory.resolve("." + name + "." + suffix + ".tmp");
            try {
                return new AtomicTempFile(target, Files.createFile(temp));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    Path path() {
        return temp;
    }

    /** Moves the temporary file over the target ({@code ATOMIC_MOVE, REPLACE_EXISTING}). */
    void commit() throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the temporary file if it is still there; never throws. */
    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the failure that led here is what the caller needs to see
        }
    }
}
