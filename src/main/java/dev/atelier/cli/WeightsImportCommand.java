package dev.atelier.cli;

import dev.atelier.weights.KnownModel;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.WeightsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Copies a weights file obtained another way into the cache, once its size and checksum prove "
                + "it is a known model's published file; prints the cached file's path.")
final class WeightsImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--as", paramLabel = "NAME",
            description = "The model it should be (default: whichever known model its checksum matches).")
    String as;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserException("file '" + file + "' does not exist or is not a regular file");
        }
        KnownModel model = as != null ? WeightsSelection.known(as, "--as") : ModelCatalog.standard().identify(file)
                .orElseThrow(() -> new UserException("file '" + file + "' is none of the known models (by size and "
                        + "checksum); add --as NAME to see how it differs, or use it as it is with --weights FILE"));
        WeightsStore store = WeightsSelection.store(null);
        store.importFile(file, model);
        System.err.println("atelier: imported " + file + " as " + model.name());
        System.out.println(store.path(model));
        return 0;
    }
}
