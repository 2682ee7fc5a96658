package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The weights files Atelier knows by name, with where to get them and how to check them. */
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
                    Checksum.sha256Prefix("dcbb9e9d"))));

    private final List<KnownModel> models;

    public ModelCatalog(List<KnownModel> models) {
        this.models = List.copyOf(models);
    }

    public static ModelCatalog standard() {
        return STANDARD;
    }

    public List<KnownModel> models() {
        return models;
    }

    public Optional<KnownModel> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The model called {@code name}, or a one-line error listing the names. */
    public KnownModel require(String name) {
        return find(name).orElseThrow(() -> new WeightsException("unknown model '" + name + "'; known models are "
                + names() + " and " + RandomWeights.MODEL_NAME));
    }

    /** The Keras model of the given network: the default for presets made for it. */
    public static String defaultFor(VggArchitecture architecture) {
        return architecture == VggArchitecture.VGG19 ? "vgg19-keras" : DEFAULT_MODEL;
    }

    public String names() {
        return models.stream().map(KnownModel::name).collect(Collectors.joining(", "));
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
}
