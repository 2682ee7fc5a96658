package dev.atelier.weights;

/**
 * One file of a model, as published.
 *
 * @param path     where it sits relative to the model's folder (and to its source URLs), '/'-separated, e.g.
 *                 {@code group1-shard1of1} or {@code manifest.json}
 * @param checksum its pinned checksum (SHA-256 for every multi-file model)
 * @param size     its exact size in bytes, or -1 where it is not known
 */
public record ArtifactFile(String path, Checksum checksum, long size) {

    public ArtifactFile {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || java.util.Arrays.stream(path.split("/")).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException("'" + path + "' is not a plain relative path");
        }
    }

    public boolean sizeKnown() {
        return size >= 0;
    }
}
