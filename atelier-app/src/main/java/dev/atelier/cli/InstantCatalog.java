package dev.atelier.cli;

import dev.atelier.weights.DownloadException;
import dev.atelier.weights.DownloadListener;
import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.ModelKind;
import dev.atelier.weights.WeightsException;
import dev.atelier.weights.WeightsStore;
import java.nio.file.Path;

/** Catalogue names of instant styles for {@code apply --model}: the verified folder in the cache, downloaded first. */
final class InstantCatalog {

    private InstantCatalog() {}

    static Path resolve(String name, String mirror, boolean quiet) {
        ModelArtifact model;
        try {
            model = ModelCatalog.standard().requireArtifact(name);
        } catch (WeightsException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
        if (model.kind() != ModelKind.STYLE) {
            throw new UsageException("--model " + name + " is a loss network (for stylize --model), not an instant "
                    + "style; see 'atelier weights list'");
        }
        WeightsStore store = WeightsStore.standard(mirror);
        try {
            return store.resolve(model, quiet ? DownloadListener.NONE
                    : new WeightsProgressBar(System.err, System.console() != null, model.name()));
        } catch (DownloadException e) {
            throw new UserException("style " + name + " is not in the cache (" + store.path(model)
                    + ") and cannot be downloaded: " + e.getMessage() + ". Get its files another way and run "
                    + "'atelier weights import', or pass --weights FOLDER", e);
        }
    }

    /**
     * The instant styles {@code serve} offers: {@code --instant} names (resolved, so downloaded now if needed) and
     * paths; without the option, every catalogue style already in the cache.
     */
    static dev.atelier.web.InstantStyles forServer(java.util.List<String> chosen, String mirror) {
        java.util.Map<String, Path> styles = new java.util.LinkedHashMap<>();
        if (chosen == null || chosen.isEmpty()) {
            WeightsStore store = WeightsStore.standard(mirror);
            for (ModelArtifact a : ModelCatalog.standard().artifacts()) {
                if (a.kind() == ModelKind.STYLE && store.isCached(a)) {
                    styles.put(a.name(), store.path(a));
                }
            }
        } else {
            for (String c : chosen) {
                Path p = Path.of(c);
                if (java.nio.file.Files.exists(p)) {
                    styles.put(p.getFileName().toString().replaceFirst("\\.(pth|safetensors)$", ""), p);
                } else {
                    styles.put(c, resolve(c, mirror, false));
                }
            }
        }
        return dev.atelier.web.InstantStyles.of(styles);
    }
}
