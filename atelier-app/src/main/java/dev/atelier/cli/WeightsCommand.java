package dev.atelier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Lists, downloads, imports and checks the known models (VGG weights files, Darknet Tiny, the instant styles). They are kept in "
                + "$ATELIER_HOME, else $XDG_CACHE_HOME/atelier, else ~/.cache/atelier.",
        subcommands = {WeightsListCommand.class, WeightsDownloadCommand.class, WeightsImportCommand.class,
                WeightsVerifyCommand.class, WeightsPathCommand.class})
final class WeightsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required (list, download, import, verify, path)");
    }
}
