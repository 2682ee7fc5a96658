package dev.atelier.cli;

import dev.atelier.network.FeatureWeights;
import dev.atelier.network.NetworkFamily;
import dev.atelier.weights.DarknetWeights;
import dev.atelier.weights.DownloadException;
import dev.atelier.weights.DownloadListener;
import dev.atelier.weights.KnownModel;
import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.ModelFamily;
import dev.atelier.weights.ModelKind;
import dev.atelier.weights.RandomWeights;
import dev.atelier.weights.VggWeights;
import dev.atelier.weights.WeightsException;
import dev.atelier.weights.FeatureWeightsFiles;
import dev.atelier.weights.WeightsStore;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The weights a network command runs on: {@code --weights FILE} if given (checked against {@code --model}'s network
 * when both are), else the model {@code --model} names (default: the reference's), from the cache or downloaded
 * into it first.
 */
final class WeightsSelection {

    /** The catalogue's Darknet Tiny, the default model of the darknet preset. */
    static final String DARKNET_MODEL = "darknet-tiny";

    private WeightsSelection() {}

    /** The weights; a download draws a progress bar on stderr unless {@code quiet}. */
    static FeatureWeights load(Path file, String model, String mirror, NetworkFamily network, boolean quiet) {
        return load(file, model, mirror, network, quiet, "--model", "--weights FILE");
    }

    /**
     * As {@link #load(Path, String, String, NetworkFamily, boolean)}, for a command whose options have other names:
     * messages about the model name say {@code modelOption}, and the way out of a failed download is {@code fileHint}
     * ({@code train}: {@code --loss-network}, {@code --loss-network FILE}).
     */
    static FeatureWeights load(Path file, String model, String mirror, NetworkFamily network, boolean quiet,
                               String modelOption, String fileHint) {
        if (file != null) {
            return fromFile(file, model);
        }
        String name = model != null ? model
                : network.vgg() == null ? DARKNET_MODEL : ModelCatalog.defaultFor(network.vgg());
        if (!name.equals(RandomWeights.MODEL_NAME) && ModelCatalog.standard().find(name).isEmpty()) {
            ModelArtifact artifact = lossModel(name, modelOption);
            if (artifact.family() != ModelFamily.DARKNET) {
                throw new UsageException(modelOption + " " + name + " is a " + artifact.kind().label() + " network of the "
                        + artifact.family().label() + " family, not a loss network Atelier can paint through");
            }
            return DarknetWeights.read(resolve(name, mirror, quiet));
        }
        if (name.equals(RandomWeights.MODEL_NAME)) {
            System.err.println("atelier: warning: --model random runs on untrained weights; results are far weaker "
                    + "than with trained weights (texture, not style)");
            return RandomWeights.vgg16(RandomWeights.SEED);
        }
        KnownModel known = known(name, modelOption);
        WeightsStore store = store(mirror);
        try {
            return store.load(known, quiet ? DownloadListener.NONE
                    : new WeightsProgressBar(System.err, System.console() != null, known.name()));
        } catch (DownloadException e) {
            throw new UserException("model " + known.name() + " is not in the cache (" + store.path(known)
                    + ") and cannot be downloaded: " + e.getMessage() + ". Get the file another way and run "
                    + "'atelier weights import FILE', or pass " + fileHint, e);
        }
    }

    private static FeatureWeights fromFile(Path file, String model) {
        if (model == null) {
            return FeatureWeightsFiles.read(file);
        }
        if (model.equals(RandomWeights.MODEL_NAME)) {
            throw new UsageException("--model random generates its weights; it cannot be combined with --weights");
        }
        FeatureWeights weights = FeatureWeightsFiles.read(file);
        if (ModelCatalog.standard().find(model).isEmpty()) {
            ModelArtifact artifact = lossModel(model, "--model");
            if (artifact.family() != ModelFamily.DARKNET || weights.family() != NetworkFamily.DARKNET_TINY) {
                throw new UserException("weights '" + file + "' hold " + weights.family() + ", but --model " + model
                        + " is a " + artifact.family().label() + " model");
            }
            return weights;
        }
        KnownModel known = known(model, "--model");
        if (weights.family() != NetworkFamily.of(known.architecture())) {
            throw new UserException("weights file '" + file + "' holds " + weights.family() + ", but --model "
                    + model + " is " + known.architecture());
        }
        return weights;
    }

    /**
     * The verified model called {@code name} (any kind: a VGG file, or the folder of a folder model), from the cache
     * or downloaded into it first, with a progress bar on stderr unless {@code quiet}. A download that fails becomes
     * one line naming the URLs tried and how to import the model instead.
     */
    static Path resolve(String name, String mirror, boolean quiet) {
        ModelArtifact model = artifact(name, "--model");
        WeightsStore store = store(mirror);
        try {
            return store.resolve(model, quiet ? DownloadListener.NONE
                    : new WeightsProgressBar(System.err, System.console() != null, model.name()));
        } catch (DownloadException e) {
            throw new UserException("model " + model.name() + " is not in the cache (" + store.path(model)
                    + ") and cannot be downloaded: " + e.getMessage() + ". " + importHint(model), e);
        }
    }

    /** How to get the model in without this machine downloading it. */
    static String importHint(ModelArtifact model) {
        return model.folder()
                ? "Get its " + model.files().size() + " files another way (from " + model.base() + ") and run "
                        + "'atelier weights import FOLDER --model " + model.name() + "'"
                : "Get the file another way and run 'atelier weights import FILE --as " + model.name() + "'";
    }

    /** A known model for {@code option} of a command that paints through a loss network; unknown: the loss networks. */
    private static ModelArtifact lossModel(String name, String option) {
        ModelCatalog catalog = ModelCatalog.standard();
        return catalog.artifact(name).orElseThrow(() -> new UsageException(option + ": unknown model '" + name
                + "'; loss networks are " + catalog.artifacts().stream().filter(a -> a.kind() == ModelKind.FEATURE)
                        .map(ModelArtifact::name).collect(Collectors.joining(", "))
                + " and " + RandomWeights.MODEL_NAME + " (instant styles go to 'atelier apply --model')"));
    }

    /** Any known model called {@code name}; a usage error naming {@code option} and listing the names if none. */
    static ModelArtifact artifact(String name, String option) {
        try {
            return ModelCatalog.standard().requireArtifact(name);
        } catch (WeightsException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** The known model called {@code name}; a usage error naming {@code option} if there is none. */
    static KnownModel known(String name, String option) {
        try {
            return ModelCatalog.standard().require(name);
        } catch (WeightsException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    static WeightsStore store(String mirror) {
        try {
            return WeightsStore.standard(mirror);
        } catch (WeightsException e) {
            throw new UsageException("--mirror: " + e.getMessage());
        }
    }
}
