package dev.atelier.cli;

import dev.atelier.network.VggArchitecture;
import dev.atelier.weights.DownloadException;
import dev.atelier.weights.DownloadListener;
import dev.atelier.weights.KnownModel;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.RandomWeights;
import dev.atelier.weights.VggWeights;
import dev.atelier.weights.WeightsException;
import dev.atelier.weights.WeightsFiles;
import dev.atelier.weights.WeightsStore;
import java.nio.file.Path;

/**
 * The weights a network command runs on: {@code --weights FILE} if given (checked against {@code --model}'s network
 * when both are), else the model {@code --model} names (default: the reference's), from the cache or downloaded
 * into it first.
 */
final class WeightsSelection {

    private WeightsSelection() {}

    /** The weights; a download draws a progress bar on stderr unless {@code quiet}. */
    static VggWeights load(Path file, String model, String mirror, VggArchitecture network, boolean quiet) {
        if (file != null) {
            return fromFile(file, model);
        }
        String name = model != null ? model : ModelCatalog.defaultFor(network);
        if (name.equals(RandomWeights.MODEL_NAME)) {
            System.err.println("atelier: warning: --model random runs on untrained weights; results are far weaker "
                    + "than with trained weights (texture, not style)");
            return RandomWeights.vgg16(RandomWeights.SEED);
        }
        KnownModel known = known(name, "--model");
        WeightsStore store = store(mirror);
        try {
            return store.load(known, quiet ? DownloadListener.NONE
                    : new WeightsProgressBar(System.err, System.console() != null, known.name()));
        } catch (DownloadException e) {
            throw new UserException("model " + known.name() + " is not in the cache (" + store.path(known)
                    + ") and cannot be downloaded: " + e.getMessage() + ". Get the file another way and run "
                    + "'atelier weights import FILE', or pass --weights FILE", e);
        }
    }

    private static VggWeights fromFile(Path file, String model) {
        if (model == null) {
            return WeightsFiles.read(file);
        }
        if (model.equals(RandomWeights.MODEL_NAME)) {
            throw new UsageException("--model random generates its weights; it cannot be combined with --weights");
        }
        KnownModel known = known(model, "--model");
        VggWeights weights = WeightsFiles.read(file);
        if (weights.architecture() != known.architecture()) {
            throw new UserException("weights file '" + file + "' holds " + weights.architecture() + ", but --model "
                    + model + " is " + known.architecture());
        }
        return weights;
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
