package dev.atelier.weights;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The cache of known models: where each is kept ({@code DIR/weights/FILE_NAME} for a single-file VGG model,
 * {@code DIR/weights/NAME/} for a folder model), how it gets there (download or import) and whether it is intact. A file takes its final name only after its checksum matched and it read as the
 * model's network, by an atomic rename, under a lock that makes concurrent downloads of one model wait for each
 * other; so the final name never holds a partial or wrong file.
 */
public final class WeightsStore {

    private final Path directory;
    private final WeightsMirror mirror;
    private final DownloadSettings settings;
    private final ModelCatalog catalog;
    private final FolderStore folders;

    /** A store of the models of {@link ModelCatalog#standard()}. */
    public WeightsStore(Path cacheDirectory, WeightsMirror mirror, DownloadSettings settings) {
        this(cacheDirectory, mirror, settings, ModelCatalog.standard());
    }

    /** A store whose {@link #resolve(String, DownloadListener)} finds names in {@code catalog}. */
    public WeightsStore(Path cacheDirectory, WeightsMirror mirror, DownloadSettings settings, ModelCatalog catalog) {
        this.directory = cacheDirectory.resolve("weights");
        this.mirror = mirror;
        this.settings = settings;
        this.catalog = catalog;
        this.folders = new FolderStore(directory, mirror, settings);
    }

    /** The cache of {@link CacheDirectory#resolve()}, the mirror of {@code mirrorOption} (or none), default timeouts. */
    public static WeightsStore standard(String mirrorOption) {
        return new WeightsStore(CacheDirectory.resolve(), WeightsMirror.resolve(mirrorOption), DownloadSettings.defaults());
    }

    public Path directory() {
        return directory;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * The verified model called {@code name} in the cache, downloaded (every file checked against its pinned
     * checksum) on first use. This is what code that runs a model calls:
     * <pre>{@code
     * ModelArtifact model = ModelCatalog.standard().requireArtifact("wave");   // kind STYLE, family ENGSTROM
     * Path folder = WeightsStore.standard(mirrorOption).resolve("wave", listener);
     * // folder holds manifest.json, Variable, Variable_1, ... exactly as published
     * }</pre>
     *
     * @param name     a model of this store's catalogue (see {@link ModelCatalog#artifacts()})
     * @param listener hears the download, if one happens ({@link DownloadListener#NONE} for silence)
     * @return for a folder model ({@link ModelArtifact#folder()}), its folder {@code weights/NAME/}, holding its files
     *         at their relative paths; for a single-file VGG model, its file {@code weights/FILE}
     * @throws WeightsException   if the name is unknown (a one-line message listing the known names)
     * @throws DownloadException  if the model is not cached and cannot be downloaded from any source (a one-line
     *                            message naming every URL tried); nothing is then left under the model's name
     */
    public Path resolve(String name, DownloadListener listener) {
        return resolve(catalog.requireArtifact(name), listener);
    }

    /** As {@link #resolve(String, DownloadListener)}, for a model already looked up. */
    public Path resolve(ModelArtifact model, DownloadListener listener) {
        if (model.folder()) {
            return folders.isCached(model) ? folders.path(model) : folders.fetch(model, listener, true);
        }
        KnownModel file = single(model);
        if (!isCached(file)) {
            fetch(file, listener, true);
        }
        return path(file);
    }

    /** Where the model is kept (its folder, or its file), whether or not it is there yet. */
    public Path path(ModelArtifact model) {
        return model.folder() ? folders.path(model) : path(single(model));
    }

    /** Whether the model is in place. Only verified models ever get there; see {@link #verify(ModelArtifact)}. */
    public boolean isCached(ModelArtifact model) {
        return model.folder() ? folders.isCached(model) : isCached(single(model));
    }

    /**
     * Where the model would be downloaded from, in order: folder URLs for a folder model, file URLs for a
     * single-file one; the mirror's copy alone if a mirror is set.
     */
    public List<URI> sources(ModelArtifact model) {
        return model.folder() ? folders.sources(model) : sources(single(model));
    }

    /** Makes sure the cached model is intact (re-checking every file), downloading it (again) if it is not. */
    public Path download(ModelArtifact model, DownloadListener listener) {
        if (!model.folder()) {
            return download(single(model), listener);
        }
        boolean there = folders.isCached(model);
        if (!there || !folders.verify(model).intact()) {
            folders.fetch(model, listener, !there);
        }
        return folders.path(model);
    }

    /** Checks every file of the cached model against its published size and checksum. */
    public Verification verify(ModelArtifact model) {
        return model.folder() ? folders.verify(model) : verify(single(model));
    }

    /**
     * Copies a model obtained elsewhere into the cache once it proved to be the published one: a folder holding the
     * model's files at their relative paths (other files in it are ignored) for a folder model, the file for a
     * single-file one. All or nothing: on any missing or differing file, nothing is cached.
     *
     * @return where the model now is, as {@link #path(ModelArtifact)}
     */
    public Path importModel(Path source, ModelArtifact model) {
        if (model.folder()) {
            return folders.importFolder(source, model);
        }
        KnownModel file = single(model);
        importFile(source, file);
        return path(file);
    }

    private KnownModel single(ModelArtifact model) {
        return catalog.find(model.name()).orElseThrow(() -> new WeightsException("model " + model.name()
                + " is not a single-file model of this store's catalogue"));
    }

    /** Where the model is kept, whether or not it is there yet. */
    public Path path(KnownModel model) {
        return directory.resolve(model.fileName());
    }

    /** Whether the model's file is in place. Only verified files ever get there; see {@link #verify} to re-check. */
    public boolean isCached(KnownModel model) {
        Path file = path(model);
        try {
            return Files.isRegularFile(file) && (!model.sizeKnown() || Files.size(file) == model.size());
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the model would be downloaded from, in order: the mirror's copy alone if a mirror is set. */
    public List<URI> sources(KnownModel model) {
        return mirror.isSet() ? List.of(mirror.apply(model.url())) : model.urls();
    }

    /** The model's weights: from the cache, or downloaded, verified and cached first. */
    public VggWeights load(KnownModel model, DownloadListener listener) {
        if (isCached(model)) {
            return WeightsFiles.read(path(model), model.architecture());
        }
        return fetch(model, listener, true);
    }

    /** Makes sure the cached file is intact, downloading it (again) if it is missing or is not. */
    public Path download(KnownModel model, DownloadListener listener) {
        boolean there = isCached(model);
        if (!there || !verify(model).intact()) {
            fetch(model, listener, !there);
        }
        return path(model);
    }

    /** Checks the cached file's size and checksum against the published ones. */
    public Verification verify(KnownModel model) {
        Path file = path(model);
        if (!Files.isRegularFile(file)) {
            return new Verification(model.name(), file, false, "not in the cache");
        }
        return new Verification(model.name(), file, true, checksumProblem(file, model));
    }

    /**
     * Copies a file obtained elsewhere into the cache as {@code model}, once it proved to be the published file;
     * returns its weights.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    public VggWeights importFile(Path file, KnownModel model) {
        if (!Files.isRegularFile(file)) {
            throw new WeightsException("file '" + file + "' does not exist or is not a regular file");
        }
        createDirectory();
        try (CacheLock lock = CacheLock.acquire(lockPath(model), () -> { })) {
            Path copy = directory.resolve(model.fileName() + ".import");
            try {
                copyDurably(file, copy);
                String problem = checksumProblem(copy, model);
                if (problem != null) {
                    throw new WeightsException("file '" + file + "' is not " + model.name() + ": " + problem
                            + "; nothing was cached");
                }
                return commit(copy, model);
            } finally {
                deleteQuietly(copy);
            }
        }
    }

    @SuppressWarnings("try")
    private VggWeights fetch(KnownModel model, DownloadListener listener, boolean acceptCached) {
        createDirectory();
        Path lockFile = lockPath(model);
        try (CacheLock lock = CacheLock.acquire(lockFile, () -> listener.waiting(lockFile))) {
            if (acceptCached && isCached(model)) {
                return WeightsFiles.read(path(model), model.architecture()); // another process just fetched it
            }
            List<DownloadException> failures = new ArrayList<>();
            for (URI source : sources(model)) {
                try {
                    return fetchFrom(source, model, listener);
                } catch (DownloadException e) {
                    failures.add(e);
                }
            }
            throw combined(failures);
        }
    }

    private VggWeights fetchFrom(URI source, KnownModel model, DownloadListener listener) {
        Path part = directory.resolve(model.fileName() + ".part");
        for (int round = 0; ; round++) {
            boolean resumed = exists(part);
            new PartFileDownload(source, part, model.size(), settings, listener).run();
            String problem = checksumProblem(part, model);
            if (problem == null) {
                try {
                    return commit(part, model);
                } catch (WeightsException e) {
                    throw new DownloadException(source, "the file matches its checksum but cannot be used: "
                            + e.getMessage(), e);
                }
            }
            deleteQuietly(part);
            if (!resumed || round > 0) {
                throw new DownloadException(source, problem + "; nothing was cached");
            }
            // The partial file we resumed may have been left by another version of the file: once more, whole.
        }
    }

    /** Reads the candidate as the model's network, then gives it the model's name. */
    private VggWeights commit(Path candidate, KnownModel model) {
        VggWeights read = WeightsFiles.read(candidate, model.architecture());
        Path target = path(model);
        try {
            Files.move(candidate, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WeightsException("cannot move " + candidate + " to " + target + ": " + e.getMessage(), e);
        }
        return new VggWeights(read.architecture(), read.layers(), target.toString(), read.inputConvention());
    }

    /** Why {@code file} is not the published file (size, then checksum), or null if it is. */
    private static String checksumProblem(Path file, KnownModel model) {
        return FolderStore.problem(file, new ArtifactFile(model.fileName(), model.checksum(), model.size()));
    }

    static DownloadException combined(List<DownloadException> failures) {
        DownloadException first = failures.get(0);
        if (failures.size() == 1) {
            return first;
        }
        StringBuilder problem = new StringBuilder(first.problem());
        for (DownloadException other : failures.subList(1, failures.size())) {
            problem.append("; also tried ").append(other.getMessage());
        }
        DownloadException all = new DownloadException(first.url(), problem.toString(), first);
        failures.subList(1, failures.size()).forEach(all::addSuppressed);
        return all;
    }

    private Path lockPath(KnownModel model) {
        return directory.resolve("." + model.fileName() + ".lock");
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WeightsException("cannot create the weights cache " + directory + " (" + e.getMessage()
                    + "); set " + CacheDirectory.VARIABLE + " to a writable directory");
        }
    }

    static void copyDurably(Path from, Path to) {
        try (FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Files.copy(from, Channels.newOutputStream(out)); // leaves the stream open, so the channel can be forced
            out.force(true);
        } catch (IOException e) {
            throw new WeightsException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Path file) {
        return Files.exists(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless: it never has a model's name
        }
    }
}
