package dev.atelier.cli;

import dev.atelier.transfer.StartupTimeline;
import dev.atelier.weights.ProxyEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code atelier} command line. */
@Command(name = "atelier", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Neural style transfer: repaints a photo in the style of a painting.",
        subcommands = {StylizeCommand.class, ApplyCommand.class, LossCommand.class, BenchCommand.class, WeightsCommand.class,
                TrainCommand.class, VideoCommand.class, BatchCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StartupTimeline.mark("JVM started");
        ProxyEnvironment.apply(System.getenv());
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main())
                .setOverwrittenOptionsAllowed(true)
                .setExecutionExceptionHandler(new ErrorReporter())
                .setParameterExceptionHandler(ErrorReporter::onBadArguments)
                .execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required (stylize, apply, train, video, batch, loss, bench, weights, serve)");
    }
}
