package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A published weights file Atelier can fetch and verify.
 *
 * @param url        the canonical download address
 * @param alternates other addresses of the same file, tried in order when the canonical one fails
 * @param size       the file's exact size in bytes, or -1 where it is not published
 */
public record KnownModel(String name, VggArchitecture architecture, WeightsFormat format, URI url,
                         List<URI> alternates, long size, Checksum checksum) {

    public KnownModel {
        alternates = List.copyOf(alternates);
        if (fileName(url).isEmpty()) {
            throw new IllegalArgumentException("model " + name + ": URL " + url + " names no file");
        }
    }

    /** The name of the file, as published: the last segment of its URL. */
    public String fileName() {
        return fileName(url);
    }

    public boolean sizeKnown() {
        return size >= 0;
    }

    /** The canonical URL, then the alternates. */
    public List<URI> urls() {
        List<URI> out = new ArrayList<>();
        out.add(url);
        out.addAll(alternates);
        return out;
    }

    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
