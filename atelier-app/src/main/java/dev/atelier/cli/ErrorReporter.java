package dev.atelier.cli;

import dev.atelier.image.ImageException;
import dev.atelier.video.VideoException;
import dev.atelier.weights.WeightsException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns failures into one line on stderr and a non-zero exit; a stack trace only with ATELIER_DEBUG=1. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int USAGE = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if ("1".equals(System.getenv("ATELIER_DEBUG"))) {
            e.printStackTrace(err);
        }
        if (e instanceof UsageException) {
            String name = cmd.getCommandSpec().qualifiedName();
            err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
            return USAGE;
        }
        boolean known = e instanceof WeightsException || e instanceof ImageException || e instanceof UserException
                || e instanceof VideoException;
        String message = oneLine(e);
        err.println("atelier: " + (known ? message : "internal error: " + e.getClass().getSimpleName() + ": "
                + message + " (set ATELIER_DEBUG=1 for details)"));
        return FAILED;
    }

    static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = oneLine(e);
        if (e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + ")";
        }
        err.println(name + ": " + message + " (see '" + name + " --help')");
        return USAGE;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            m = e.getCause().getMessage();
        }
        return (m == null ? e.getClass().getSimpleName() : m).replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
