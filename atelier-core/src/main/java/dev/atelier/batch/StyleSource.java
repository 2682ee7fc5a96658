package dev.atelier.batch;

import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.weights.DownloadListener;
import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.ModelKind;
import dev.atelier.weights.WeightsException;
import dev.atelier.weights.WeightsStore;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Which style network a batch (or a Spark executor) opens: a catalogue name, or a file or folder. Small and
 * serializable, so a Spark job can ship it to executors, which open the network themselves.
 */
public record StyleSource(String model, String weights, String mirror) implements Serializable {

    public StyleSource {
        if ((model == null) == (weights == null)) {
            throw new BatchException("give one of --model NAME or --weights PATH");
        }
    }

    public static StyleSource model(String name, String mirror) {
        return new StyleSource(name, null, mirror);
    }

    public static StyleSource weights(String path) {
        return new StyleSource(null, path, null);
    }

    /** The style's name in output file names: the model's name, or the weights' folder or file name. */
    public String styleName() {
        if (model != null) {
            return model;
        }
        Path file = Path.of(weights).toAbsolutePath().normalize();
        String name = file.getFileName() == null ? "style" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isDirectory(file) || dot <= 0 ? name : name.substring(0, dot);
    }

    /** Checks what can be checked without loading anything (the file exists, the name is a known style). */
    public void check() {
        if (weights != null && !Files.exists(Path.of(weights))) {
            throw new BatchException("--weights " + weights + " does not exist");
        }
        if (model != null) {
            artifact();
        }
    }

    /** Opens the network (a catalogue model is downloaded into the cache first; {@code listener} hears that). */
    public StyleNetwork open(DownloadListener listener) {
        if (weights != null) {
            return StyleNetworks.open(Path.of(weights));
        }
        ModelArtifact artifact = artifact();
        try {
            return StyleNetworks.open(WeightsStore.standard(mirror).resolve(artifact, listener));
        } catch (WeightsException e) {
            throw new BatchException("style model " + model + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #open(DownloadListener)}, silently. */
    public StyleNetwork open() {
        return open(DownloadListener.NONE);
    }

    private ModelArtifact artifact() {
        ModelCatalog catalog = ModelCatalog.standard();
        ModelArtifact artifact = catalog.artifact(model).orElse(null);
        if (artifact == null || artifact.kind() != ModelKind.STYLE) {
            String styles = catalog.artifacts().stream().filter(a -> a.kind() == ModelKind.STYLE)
                    .map(ModelArtifact::name).collect(Collectors.joining(", "));
            throw new BatchException((artifact == null ? "unknown style model '" : "'") + model
                    + (artifact == null ? "'" : "' is a loss network, not a style network") + " (styles: " + styles
                    + "; or pass a network's folder or file with --weights PATH)");
        }
        return artifact;
    }
}
