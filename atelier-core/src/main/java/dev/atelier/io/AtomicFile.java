package dev.atelier.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: to a hidden temporary file beside the target, forced to disk, then
 * renamed over the target. On any failure the temporary file is removed and an existing target is untouched.
 */
public final class AtomicFile {

    /** Produces the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Why {@code file} could not be written, or {@code null} if it looks writable: its directory must exist, be a
     * directory and be writable, and the file itself must not be a directory.
     */
    public static String whyNotWritable(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path directory = target.getParent();
        if (directory == null) {
            return "not a file path";
        }
        if (!Files.exists(directory)) {
            return "directory " + directory + " does not exist";
        }
        if (!Files.isDirectory(directory)) {
            return directory + " is not a directory";
        }
        if (Files.isDirectory(target)) {
            return "is a directory";
        }
        if (!Files.isWritable(directory)) {
            return "directory " + directory + " is not writable";
        }
        // isWritable is not enough: root passes it everywhere, and it knows nothing of read-only mounts.
        try {
            Files.delete(createTempFile(directory, target.getFileName().toString()));
        } catch (IOException e) {
            return "cannot create files in " + directory + " (" + describe(e) + ")";
        }
        return null;
    }

    /** Writes {@code content} to {@code file} atomically; throws with a one-line reason on failure. */
    public static void write(Path file, Content content) throws IOException {
        String problem = whyNotWritable(file);
        if (problem != null) {
            throw new IOException(problem);
        }
        Pending pending = Pending.createFor(file.toAbsolutePath().normalize());
        boolean committed = false;
        try {
            try (FileChannel channel = FileChannel.open(pending.path(), StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(new NonClosing(out)); // encoders that close their stream must not close ours
                out.flush();
                channel.force(true);
            }
            pending.commit();
            committed = true;
        } finally {
            if (!committed) {
                pending.discard();
            }
        }
    }

    /**
     * A file being written over time (an animation, frame by frame): a hidden temporary file beside the target
     * that {@link #commit} renames over it, or {@link #discard} removes.
     */
    public static final class Pending {
        private final Path target;
        private final Path temp;

        private Pending(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** Creates the temporary file, e.g. {@code .out.gif.5f3a9c1e.tmp}; {@code target} must be absolute. */
        public static Pending createFor(Path target) throws IOException {
            return new Pending(target, createTempFile(target.getParent(), target.getFileName().toString()));
        }

        public Path path() {
            return temp;
        }

        /** Moves the temporary file over the target ({@code ATOMIC_MOVE, REPLACE_EXISTING}). */
        public void commit() throws IOException {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /** Deletes the temporary file if it is still there; never throws. */
        public void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more can be done; the failure that led here is what the caller needs to see
            }
        }
    }

    /** One line for a failed file operation: the exception's own message is often just a path. */
    public static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** A new empty hidden file next to the target, e.g. {@code .out.png.5f3a9c1e.tmp}. */
    private static Path createTempFile(Path directory, String targetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            try {
                return Files.createFile(directory.resolve("." + targetName + "." + suffix + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
