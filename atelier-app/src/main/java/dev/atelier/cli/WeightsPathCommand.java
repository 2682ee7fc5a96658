package dev.atelier.cli;

import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.RandomWeights;
import dev.atelier.weights.WeightsStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Prints where a cached model is (its file, or a folder model's folder); fails, naming where it "
                + "would be, if it is not cached.")
final class WeightsPathCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "A known model (see 'atelier weights list').")
    String name;

    @Override
    public Integer call() {
        if (name.equals(RandomWeights.MODEL_NAME)) {
            throw new UsageException("random weights are generated when used; they have no file");
        }
        ModelArtifact model = WeightsSelection.artifact(name, "NAME");
        WeightsStore store = WeightsSelection.store(null);
        if (!store.isCached(model)) {
            throw new UserException(model.name() + " is not in the cache; it would be at " + store.path(model)
                    + " (run 'atelier weights download " + model.name() + "')");
        }
        System.out.println(store.path(model));
        return 0;
    }
}
