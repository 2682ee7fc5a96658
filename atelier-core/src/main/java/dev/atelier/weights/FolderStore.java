package dev.atelier.weights;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cache of folder models ({@code weights/NAME/}). A download fills a hidden staging folder
 * ({@code weights/.NAME.download/}): each file arrives as {@code FILE.part} (resumed with a Range after an
 * interruption) and takes its own name there only once its SHA-256 matched, so a later run neither fetches nor
 * trusts anything else. When every file is in, the staging folder is checked once more and renamed to
 * {@code weights/NAME}: the model's folder exists complete or not at all. A lock ({@code weights/.NAME.lock}) makes
 * concurrent downloads of one model, in this process or another, wait for each other.
 */
final class FolderStore {

    private final Path directory;
    private final WeightsMirror mirror;
    private final DownloadSettings settings;

    FolderStore(Path directory, WeightsMirror mirror, DownloadSettings settings) {
        this.directory = directory;
        this.mirror = mirror;
        this.settings = settings;
    }

    Path path(ModelArtifact model) {
        return directory.resolve(model.name());
    }

    /** Whether the model's folder is there with every file at its size (only verified folders ever get there). */
    boolean isCached(ModelArtifact model) {
        Path folder = path(model);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        for (ArtifactFile f : model.files()) {
            Path file = folder.resolve(f.path());
            try {
                if (!Files.isRegularFile(file) || (f.sizeKnown() && Files.size(file) != f.size())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The folder URLs to fetch from, in order: the mirror's copy of the canonical one alone if a mirror is set. */
    List<URI> sources(ModelArtifact model) {
        return mirror.isSet() ? List.of(mirror.apply(model.base())) : model.sources();
    }

    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    Path fetch(ModelArtifact model, DownloadListener listener, boolean acceptCached) {
        createDirectory();
        Path lockFile = lockPath(model);
        try (CacheLock lock = CacheLock.acquire(lockFile, () -> listener.waiting(lockFile))) {
            if (acceptCached && isCached(model)) {
                return path(model); // another process just fetched it
            }
            Path staging = directory.resolve("." + model.name() + ".download");
            FolderProgress progress = new FolderProgress(listener, model.size());
            List<DownloadException> failures = new ArrayList<>();
            try {
                for (URI source : sources(model)) {
                    try {
                        fetchFrom(source, model, staging, progress);
                        return commit(staging, model, "download");
                    } catch (DownloadException e) {
                        failures.add(e);
                    }
                }
            } finally {
                progress.finish();
            }
            deleteIfEmpty(staging); // nothing verified to keep for the next try
            throw WeightsStore.combined(failures);
        }
    }

    private void fetchFrom(URI source, ModelArtifact model, Path staging, FolderProgress progress) {
        progress.source(source);
        for (ArtifactFile f : model.files()) {
            Path done = staging.resolve(f.path());
            if (Files.isRegularFile(done)) {
                progress.fileDone(f.size()); // verified by an earlier run or an earlier source
                continue;
            }
            createDirectories(done.getParent());
            Path part = done.resolveSibling(done.getFileName() + ".part");
            URI url = ModelArtifact.url(source, f);
            for (int round = 0; ; round++) {
                if (f.size() == 0) {
                    createEmpty(part); // nothing to transfer, but the file must exist to be checked
                }
                boolean resumed = Files.exists(part);
                new PartFileDownload(url, part, f.size(), settings, progress).run();
                String problem = problem(part, f);
                if (problem == null) {
                    move(part, done);
                    progress.fileDone(size(done));
                    break;
                }
                deleteQuietly(part);
                if (!resumed || round > 0) {
                    throw new DownloadException(url, problem + "; nothing was cached");
                }
                // The partial file we resumed may have been left by another version of the file: once more, whole.
            }
        }
    }

    /** Checks every file of the model in {@code folder} (size, then SHA-256): the first problem, or null. */
    static String folderProblem(Path folder, ModelArtifact model) {
        for (ArtifactFile f : model.files()) {
            Path file = folder.resolve(f.path());
            if (!Files.isRegularFile(file)) {
                return f.path() + " is missing";
            }
            String problem = problem(file, f);
            if (problem != null) {
                return f.path() + ": " + problem;
            }
        }
        return null;
    }

    Verification verify(ModelArtifact model) {
        Path folder = path(model);
        if (!Files.isDirectory(folder)) {
            return new Verification(model.name(), folder, false, "not in the cache");
        }
        return new Verification(model.name(), folder, true, folderProblem(folder, model));
    }

    /** Copies the model's files from {@code source} (a folder) into the cache once every one matched. */
    @SuppressWarnings("try")
    Path importFolder(Path source, ModelArtifact model) {
        if (!Files.isDirectory(source)) {
            throw new WeightsException("'" + source + "' is not a folder; " + model.name() + " is a folder of "
                    + model.files().size() + " files (" + model.files().get(0).path() + ", …)");
        }
        createDirectory();
        try (CacheLock lock = CacheLock.acquire(lockPath(model), () -> { })) {
            Path staging = directory.resolve("." + model.name() + ".import");
            deleteTree(staging);
            try {
                for (ArtifactFile f : model.files()) {
                    Path from = source.resolve(f.path());
                    if (!Files.isRegularFile(from)) {
                        throw new WeightsException("folder '" + source + "' is not " + model.name() + ": it has no "
                                + f.path() + "; nothing was cached");
                    }
                    Path to = staging.resolve(f.path());
                    createDirectories(to.getParent());
                    WeightsStore.copyDurably(from, to);
                    String problem = problem(to, f);
                    if (problem != null) {
                        throw new WeightsException("folder '" + source + "' is not " + model.name() + ": " + f.path()
                                + ": " + problem + "; nothing was cached");
                    }
                }
                return commit(staging, model, "import");
            } finally {
                deleteTree(staging);
            }
        }
    }

    /**
     * Checks the complete staging folder once more, drops anything in it that is not one of the model's files,
     * and renames it to the model's folder (replacing one found corrupt by moving that aside first).
     */
    private Path commit(Path staging, ModelArtifact model, String what) {
        String problem = folderProblem(staging, model);
        if (problem != null) {
            deleteTree(staging);
            throw new WeightsException("the " + what + " of " + model.name() + " is not intact (" + problem
                    + "); nothing was cached");
        }
        removeStrays(staging, model);
        Path target = path(model);
        Path old = directory.resolve("." + model.name() + ".old");
        try {
            deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WeightsException("cannot move " + staging + " to " + target + ": " + e.getMessage(), e);
        }
        deleteTree(old);
        return target;
    }

    /** Why {@code file} is not the published {@code expected} (size, then checksum), or null if it is. */
    static String problem(Path file, ArtifactFile expected) {
        try {
            long size = Files.size(file);
            if (expected.sizeKnown() && size != expected.size()) {
                return "it has " + size + " bytes, the published file " + expected.size();
            }
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
        Checksum checksum = expected.checksum();
        String actual = FileDigests.of(file, checksum.algorithm());
        if (!checksum.matches(actual)) {
            return "its " + checksum.algorithm().label() + " is " + actual + ", the published one " + checksum.hex()
                    + (checksum.prefixOnly() ? "…" : "");
        }
        return null;
    }

    private static void removeStrays(Path staging, ModelArtifact model) {
        Set<Path> keep = new HashSet<>();
        for (ArtifactFile f : model.files()) {
            for (Path p = staging.resolve(f.path()); p != null && !p.equals(staging); p = p.getParent()) {
                keep.add(p);
            }
        }
        try (Stream<Path> all = Files.walk(staging)) {
            all.filter(p -> !p.equals(staging) && !keep.contains(p)).sorted(Comparator.reverseOrder())
                    .forEach(FolderStore::deleteQuietly);
        } catch (IOException e) {
            throw new WeightsException("cannot list " + staging + ": " + e.getMessage(), e);
        }
    }

    private Path lockPath(ModelArtifact model) {
        return directory.resolve("." + model.name() + ".lock");
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WeightsException("cannot create the weights cache " + directory + " (" + e.getMessage()
                    + "); set " + CacheDirectory.VARIABLE + " to a writable directory");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WeightsException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WeightsException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void createEmpty(Path file) {
        try {
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            throw new WeightsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new WeightsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            // absent, or not empty: either way nothing to do
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(FolderStore::deleteQuietly);
        } catch (IOException e) {
            // a leftover hidden folder is harmless: it never has a model's name
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // as above
        }
    }
}
