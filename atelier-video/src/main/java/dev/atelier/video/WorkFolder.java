package dev.atelier.video;

import dev.atelier.image.ImageLoader;
import dev.atelier.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The frames a run has finished, kept beside the output in a hidden folder ({@code .out.mp4.atelier-video/}) so
 * that {@code --resume} can continue an interrupted run: {@code 000001.png}, … (lossless, so a resumed run's
 * later frames are the same bytes as an uninterrupted run's) and {@code run.txt}, which names the input and every
 * setting that changes a frame; a resume with other settings is refused. Removed when the run succeeds.
 */
public final class WorkFolder {

    private static final String KEY_FILE = "run.txt";

    private final Path directory;

    private WorkFolder(Path directory) {
        this.directory = directory;
    }

    /** The work folder of {@code output} (not created). */
    public static WorkFolder of(String output) {
        Path target = Path.of(output).toAbsolutePath().normalize();
        String name = target.getFileName().toString().replace('%', '#');
        return new WorkFolder(target.resolveSibling("." + name + ".atelier-video"));
    }

    public Path directory() {
        return directory;
    }

    public boolean exists() {
        return Files.isDirectory(directory);
    }

    /**
     * Frames already done for a run described by {@code key}: 0 for a fresh start (an old folder is cleared). With
     * {@code resume}, a folder left by a run with another key is an error.
     */
    public long prepare(String key, boolean resume) {
        try {
            if (exists()) {
                Path keyFile = directory.resolve(KEY_FILE);
                String old = Files.isRegularFile(keyFile) ? Files.readString(keyFile, StandardCharsets.UTF_8) : "";
                if (resume && old.equals(key)) {
                    return countDone();
                }
                if (resume) {
                    throw new VideoException("Cannot resume: the unfinished run in " + directory
                            + " had other settings or another input; run without --resume to start over");
                }
                delete();
            } else if (resume) {
                throw new VideoException("Cannot resume: no unfinished run for this output (" + directory
                        + " does not exist)");
            }
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(KEY_FILE), key, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            throw new VideoException("Cannot use work folder " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The done frames are 1..n without a gap; a frame is saved atomically, so none is half-written. */
    private long countDone() {
        long n = 0;
        while (Files.isRegularFile(frame(n + 1))) {
            n++;
        }
        return n;
    }

    /** Frame {@code number} (from 1). */
    public Path frame(long number) {
        return directory.resolve(String.format(Locale.ROOT, "%06d.png", number));
    }

    /**
     * Saves frame {@code number}: to a temporary name, then renamed, so a frame is there whole or not at all. Not
     * forced to disk (a per-frame fsync cost more than the network on a busy disk); after a power cut a resume may
     * need to start over, after Ctrl-C or a kill it does not.
     */
    public void save(long number, BufferedImage image) {
        Path target = frame(number);
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the save failure is what matters
            }
            throw new VideoException("Cannot write frame " + number + " to work folder " + directory + ": "
                    + AtomicFile.describe(e), e);
        }
    }

    public BufferedImage load(long number) {
        return ImageLoader.read(frame(number));
    }

    /** Removes the folder and everything in it. */
    public void delete() {
        if (!exists()) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new VideoException("Cannot remove work folder " + directory + ": " + e.getMessage(), e);
        }
    }
}
