package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The models Atelier knows by name, with where to get them and how to check them: single-file VGG weights
 * ({@link KnownModel}, {@link #models()}) and every model including the folder ones ({@link ModelArtifact},
 * {@link #artifacts()}).
 */
public final class ModelCatalog {

    /** What every command uses when neither {@code --weights} nor {@code --model} is given: the reference's. */
    public static final String DEFAULT_MODEL = "vgg16-keras";

    private static final String KERAS = "https://storage.googleapis.com/tensorflow/keras-applications/";
    private static final String FCHOLLET = "https://github.com/fchollet/deep-learning-models/releases/download/v0.1/";
    private static final String TORCHVISION = "https://download.pytorch.org/models/";

    private static final ModelCatalog STANDARD = new ModelCatalog(List.of(
            new KnownModel("vgg16-keras", VggArchitecture.VGG16, WeightsFormat.KERAS_HDF5,
                    URI.create(KERAS + "vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                    List.of(URI.create(FCHOLLET + "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5")),
                    58_889_256L, Checksum.md5("6d6bbae143d832006294945121d1f1fc")),
            new KnownModel("vgg19-keras", VggArchitecture.VGG19, WeightsFormat.KERAS_HDF5,
                    URI.create(KERAS + "vgg19/vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                    List.of(URI.create(FCHOLLET + "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5")),
                    80_134_624L, Checksum.md5("253f8cb515780f3b799900260a226db6")),
            new KnownModel("vgg16-torchvision", VggArchitecture.VGG16, WeightsFormat.PYTORCH_LEGACY,
                    URI.create(TORCHVISION + "vgg16-397923af.pth"), List.of(), -1,
                    Checksum.sha256Prefix("397923af")),
            new KnownModel("vgg19-torchvision", VggArchitecture.VGG19, WeightsFormat.PYTORCH_LEGACY,
                    URI.create(TORCHVISION + "vgg19-dcbb9e9d.pth"), List.of(), -1,
                    Checksum.sha256Prefix("dcbb9e9d"))), Ml5Models.all());

    private static final String KERAS_LICENCE = "VGG by Simonyan & Zisserman (Oxford VGG, CC BY 4.0), ported to Keras "
            + "by Francois Chollet (keras-applications)";
    private static final String TORCHVISION_LICENCE = "trained by the PyTorch torchvision project (code BSD-3-Clause)";

    private final List<KnownModel> models;
    private final List<ModelArtifact> artifacts;

    /** A catalogue of single-file VGG models only. */
    public ModelCatalog(List<KnownModel> models) {
        this(models, List.of());
    }

    /** The single-file VGG models, then the folder models. */
    public ModelCatalog(List<KnownModel> models, List<ModelArtifact> folderModels) {
        this.models = List.copyOf(models);
        List<ModelArtifact> all = new ArrayList<>();
        models.forEach(m -> all.add(artifactOf(m)));
        all.addAll(folderModels);
        this.artifacts = List.copyOf(all);
        Set<String> names = new HashSet<>();
        for (ModelArtifact a : artifacts) {
            if (!names.add(a.name()) || a.name().equals(RandomWeights.MODEL_NAME)) {
                throw new IllegalArgumentException("two models are called " + a.name());
            }
        }
    }

    public static ModelCatalog standard() {
        return STANDARD;
    }

    /** The single-file VGG models (the ones {@link WeightsStore#load} reads as {@link VggWeights}). */
    public List<KnownModel> models() {
        return models;
    }

    /** Every model: the VGG files first, then the folder models (Darknet Tiny, the instant styles). */
    public List<ModelArtifact> artifacts() {
        return artifacts;
    }

    /** The model called {@code name}, whatever its kind and family. */
    public Optional<ModelArtifact> artifact(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The model called {@code name}, or a one-line error listing every known name. */
    public ModelArtifact requireArtifact(String name) {
        return artifact(name).orElseThrow(() -> new WeightsException("unknown model '" + name + "'; known models are "
                + artifactNames()));
    }

    /** Every model's name, comma-separated. */
    public String artifactNames() {
        return artifacts.stream().map(ModelArtifact::name).collect(Collectors.joining(", "));
    }

    public Optional<KnownModel> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The model called {@code name}, or a one-line error listing the names. */
    public KnownModel require(String name) {
        Optional<KnownModel> found = find(name);
        if (found.isEmpty()) {
            Optional<ModelArtifact> other = artifact(name);
            if (other.isPresent()) {
                throw new WeightsException("model '" + name + "' is a " + other.get().family().label() + " "
                        + other.get().kind().label() + " network, not VGG weights; VGG models are " + names()
                        + " and " + RandomWeights.MODEL_NAME);
            }
        }
        return found.orElseThrow(() -> new WeightsException("unknown model '" + name + "'; known models are "
                + names() + " and " + RandomWeights.MODEL_NAME));
    }

    /** The Keras model of the given network: the default for presets made for it. */
    public static String defaultFor(VggArchitecture architecture) {
        return architecture == VggArchitecture.VGG19 ? "vgg19-keras" : DEFAULT_MODEL;
    }

    public String names() {
        return models.stream().map(KnownModel::name).collect(Collectors.joining(", "));
    }

    /** The single-file model as a {@link ModelArtifact}: one file, in the folder of its URL. */
    static ModelArtifact artifactOf(KnownModel m) {
        String licence = m.format() == WeightsFormat.KERAS_HDF5 ? KERAS_LICENCE : TORCHVISION_LICENCE;
        return new ModelArtifact(m.name(), ModelKind.FEATURE, ModelFamily.VGG, ModelFormat.of(m.format()),
                List.of(new ArtifactFile(m.fileName(), m.checksum(), m.size())), m.url().resolve("."),
                m.alternates().stream().map(u -> u.resolve(".")).toList(), licence, false);
    }

    /** The known model {@code file} is a copy of, judged by its size and checksum. */
    public Optional<KnownModel> identify(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new WeightsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<KnownModel> candidates = models.stream().filter(m -> !m.sizeKnown() || m.size() == size).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<Checksum.Algorithm, String> digests = FileDigests.of(file, Checksum.Algorithm.values());
        return candidates.stream().filter(m -> m.checksum().matches(digests.get(m.checksum().algorithm()))).findFirst();
    }

    /**
     * The folder model whose every file is in {@code folder} (at its relative path) with the published size and
     * SHA-256; other files in the folder do not matter.
     */
    public Optional<ModelArtifact> identifyFolder(Path folder) {
        Map<Path, String> digests = new HashMap<>();
        for (ModelArtifact model : artifacts) {
            if (model.folder() && model.files().stream().allMatch(f -> sizeMatches(folder.resolve(f.path()), f))
                    && model.files().stream().allMatch(f -> f.checksum().matches(digests.computeIfAbsent(
                            folder.resolve(f.path()), p -> FileDigests.of(p, f.checksum().algorithm()))))) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    private static boolean sizeMatches(Path file, ArtifactFile expected) {
        try {
            return Files.isRegularFile(file) && (!expected.sizeKnown() || Files.size(file) == expected.size());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
