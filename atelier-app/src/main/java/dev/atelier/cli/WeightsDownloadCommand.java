package dev.atelier.cli;

import dev.atelier.weights.DownloadException;
import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.RandomWeights;
import dev.atelier.weights.WeightsStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads known models into the cache and verifies them (again, if already there); prints "
                + "each cached file's (or folder model's folder's) path.")
final class WeightsDownloadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Models to download (see 'atelier weights list').")
    List<String> names;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Download from this server instead of the published hosts (same paths); "
                    + "default: $ATELIER_WEIGHTS_MIRROR.")
    String mirror;

    @Override
    public Integer call() {
        List<ModelArtifact> models = names.stream().map(WeightsDownloadCommand::downloadable).toList();
        WeightsStore store = WeightsSelection.store(mirror);
        for (ModelArtifact model : models) {
            try {
                System.out.println(store.download(model,
                        new WeightsProgressBar(System.err, System.console() != null, model.name())));
            } catch (DownloadException e) {
                throw new UserException("cannot download " + model.name() + ": " + e.getMessage() + ". "
                        + WeightsSelection.importHint(model), e);
            }
        }
        return 0;
    }

    private static ModelArtifact downloadable(String name) {
        if (name.equals(RandomWeights.MODEL_NAME)) {
            throw new UsageException("random weights are generated when used; there is nothing to download");
        }
        return WeightsSelection.artifact(name, "NAME");
    }
}
