package dev.atelier.cli;

import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.WeightsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Copies a model obtained another way into the cache, once it proves to be a known model's "
                + "published files: a weights file, or a folder for a folder model (every file checked against its "
                + "pinned SHA-256; all or nothing). Prints where the model now is.")
final class WeightsImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The file, or the folder holding a folder model's files.")
    Path source;

    @Option(names = {"--model", "--as"}, paramLabel = "NAME",
            description = "The model it should be (default: whichever known model its size and checksum match).")
    String as;

    @Override
    public Integer call() {
        boolean folder = Files.isDirectory(source);
        if (!folder && !Files.isRegularFile(source)) {
            throw new UserException("'" + source + "' does not exist or is neither a file nor a folder");
        }
        ModelArtifact model = as != null ? WeightsSelection.artifact(as, "--model") : identify(folder);
        if (model.folder() != folder) {
            throw new UserException("'" + source + "' is a " + (folder ? "folder" : "file") + ", but " + model.name()
                    + (model.folder() ? " is a folder of " + model.files().size() + " files; import their folder"
                            : " is a single file; import that file"));
        }
        Path cached = WeightsSelection.store(null).importModel(source, model);
        System.err.println("atelier: imported " + source + " as " + model.name());
        System.out.println(cached);
        return 0;
    }

    private ModelArtifact identify(boolean folder) {
        ModelCatalog catalog = ModelCatalog.standard();
        if (folder) {
            return catalog.identifyFolder(source).orElseThrow(() -> new UserException("folder '" + source + "' holds "
                    + "none of the known folder models (by the files' sizes and SHA-256); add --model NAME to see "
                    + "which file differs"));
        }
        return catalog.identify(source).flatMap(m -> catalog.artifact(m.name())).orElseThrow(() -> new UserException(
                "file '" + source + "' is none of the known models (by size and checksum); add --as NAME to see how "
                        + "it differs, or use it as it is with --weights FILE"));
    }
}
