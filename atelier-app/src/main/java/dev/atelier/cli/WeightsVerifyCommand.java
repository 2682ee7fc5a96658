package dev.atelier.cli;

import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.Verification;
import dev.atelier.weights.WeightsStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks cached models (every file of a folder model) against their published size and "
                + "checksum; exits 1 if any is missing or differs.")
final class WeightsVerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Models to check (default: every cached one).")
    List<String> names;

    @Override
    public Integer call() {
        WeightsStore store = WeightsSelection.store(null);
        List<ModelArtifact> models = names == null || names.isEmpty()
                ? ModelCatalog.standard().artifacts().stream().filter(store::isCached).toList()
                : names.stream().map(n -> WeightsSelection.artifact(n, "NAME")).toList();
        if (models.isEmpty()) {
            System.out.println("no known model is in the cache (" + store.directory() + ")");
            return 0;
        }
        boolean allIntact = true;
        for (ModelArtifact model : models) {
            Verification v = store.verify(model);
            allIntact &= v.intact();
            System.out.println(model.name() + ": " + (v.intact() ? "OK (" + what(model) + ") " + v.file()
                    : v.cached() ? "DIFFERS: " + v.problem() + "; run 'atelier weights download " + model.name()
                            + "' to fetch it again"
                    : "not in the cache (" + v.file() + ")"));
        }
        return allIntact ? 0 : ErrorReporter.FAILED;
    }

    private static String what(ModelArtifact model) {
        String algorithm = model.files().get(0).checksum().algorithm().label();
        return model.folder() ? "all " + model.files().size() + " files' " + algorithm + " match" : algorithm + " matches";
    }
}
