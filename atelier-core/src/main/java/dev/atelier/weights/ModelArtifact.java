package dev.atelier.weights;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A model Atelier can fetch, verify and keep: what it is (kind, family, format), which files make it (each with a
 * pinned checksum), where they are published and under what terms.
 *
 * <p>A <em>single-file</em> model (the VGG weights) is cached as one file, {@code weights/FILE}; a <em>folder</em>
 * model (Darknet Tiny, the instant styles) is cached as a folder, {@code weights/NAME/}, holding its files at their
 * relative paths. Each file's URL is a source folder URL resolved against the file's relative path.
 *
 * @param base       the canonical folder URL, ending in '/'
 * @param alternates other folder URLs holding the same files, tried in order when the canonical one fails
 * @param licence    provenance and licence of the weights, one or two sentences for people
 * @param folder     whether the model is cached as a folder (else as its only file)
 */
public record ModelArtifact(String name, ModelKind kind, ModelFamily family, ModelFormat format,
                            List<ArtifactFile> files, URI base, List<URI> alternates, String licence, boolean folder) {

    public ModelArtifact {
        files = List.copyOf(files);
        alternates = List.copyOf(alternates);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has no files");
        }
        if (!folder && files.size() != 1) {
            throw new IllegalArgumentException("single-file model " + name + " has " + files.size() + " files");
        }
        List<URI> all = new ArrayList<>(alternates);
        all.add(base);
        for (URI u : all) {
            if (!u.getPath().endsWith("/")) {
                throw new IllegalArgumentException("model " + name + ": source " + u + " is not a folder URL");
            }
        }
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("model name '" + name + "' must be lower-case letters, digits, '-', '_', '.'");
        }
    }

    /** The canonical folder URL, then the alternates. */
    public List<URI> sources() {
        List<URI> out = new ArrayList<>();
        out.add(base);
        out.addAll(alternates);
        return out;
    }

    /** Where {@code file} is published under {@code source} (one of {@link #sources()}, or a mirror's copy). */
    public static URI url(URI source, ArtifactFile file) {
        return source.resolve(file.path());
    }

    /** The sum of the files' sizes, or -1 if one is not known. */
    public long size() {
        long total = 0;
        for (ArtifactFile f : files) {
            if (!f.sizeKnown()) {
                return -1;
            }
            total += f.size();
        }
        return total;
    }

    /** The host the canonical URL names, e.g. {@code raw.githubusercontent.com}. */
    public String host() {
        return base.getHost();
    }
}
