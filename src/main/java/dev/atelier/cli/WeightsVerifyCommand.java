package dev.atelier.cli;

import dev.atelier.weights.KnownModel;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.Verification;
import dev.atelier.weights.WeightsStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks cached models against their published size and checksum; exits 1 if any is missing "
                + "or differs.")
final class WeightsVerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Models to check (default: every cached one).")
    List<String> names;

    @Override
    public Integer call() {
        WeightsStore store = WeightsSelection.store(null);
        List<KnownModel> models = names == null || names.isEmpty()
                ? ModelCatalog.standard().models().stream().filter(store::isCached).toList()
                : names.stream().map(n -> WeightsSelection.known(n, "NAME")).toList();
        if (models.isEmpty()) {
            System.out.println("no known model is in the cache (" + store.directory() + ")");
            return 0;
        }
        boolean allIntact = true;
        for (KnownModel model : models) {
            Verification v = store.verify(model);
            allIntact &= v.intact();
            System.out.println(model.name() + ": " + (v.intact() ? "OK (" + model.checksum().algorithm().label()
                    + " matches) " + v.file()
                    : v.cached() ? "DIFFERS: " + v.problem() + "; run 'atelier weights download " + model.name()
                            + "' to fetch it again"
                    : "not in the cache (" + v.file() + ")"));
        }
        return allIntact ? 0 : ErrorReporter.FAILED;
    }
}
