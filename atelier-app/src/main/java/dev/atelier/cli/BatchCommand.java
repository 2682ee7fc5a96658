package dev.atelier.cli;

import dev.atelier.batch.BatchException;
import dev.atelier.batch.BatchInput;
import dev.atelier.batch.BatchInputs;
import dev.atelier.batch.BatchReport;
import dev.atelier.batch.BatchRun;
import dev.atelier.batch.BatchSummary;
import dev.atelier.batch.FileOutcome;
import dev.atelier.batch.OptimisationPainter;
import dev.atelier.batch.OutputNames;
import dev.atelier.batch.Painter;
import dev.atelier.batch.StyleSource;
import dev.atelier.image.ImageLoader;
import dev.atelier.io.AtomicFile;
import dev.atelier.network.TensorEngine;
import dev.atelier.network.NetworkFamily;
import dev.atelier.weights.DownloadListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Stylizes every picture of a folder (recursively), a glob or a list file into an output "
                + "folder; done pictures are skipped on the next run, failures are listed and the rest goes on. "
                + "Exit 0 when all succeeded, 3 when some failed.")
final class BatchCommand implements Callable<Integer> {

    static final int SOME_FAILED = 3;
    /** Measured on 2 cores with the wave network at 512 px: see the README's batch throughput table. */
    static final int DEFAULT_PARALLEL = 2;
    static final int DEFAULT_FORWARDS = 1;

    @Option(names = "--input", paramLabel = "DIR|GLOB|LIST", required = true,
            description = "A folder (every file under it), a glob such as 'photos/**.jpg' (quote it), a list file "
                    + "(.txt/.lst/.list: one path per line, relative to the list) or one picture.")
    String input;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Where results go, mirroring the input's folders; must not be inside the input folder.")
    Path output;

    @Option(names = "--model", paramLabel = "NAME",
            description = "A style network from the catalogue (with --style: the loss network's model, as in stylize).")
    String model;

    @Option(names = "--weights", paramLabel = "PATH",
            description = "A style network's folder or file (with --style: the loss network's weights file).")
    String weights;

    @Option(names = "--style", paramLabel = "FILE",
            description = "Paint by optimisation (the seed preset) towards this painting instead of a style network; "
                    + "one picture at a time, minutes each.")
    Path style;

    @Option(names = "--name", paramLabel = "PATTERN", defaultValue = OutputNames.DEFAULT,
            description = "Output path under --output: {path} (relative input path), {dir}, {name}, {stem}, {style}; "
                    + ".png or .jpg (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--overwrite", description = "Redo pictures whose output exists (default: skip them).")
    boolean overwrite;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Write every file's outcome (done, skipped, failed and why) and seconds as JSON.")
    Path report;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLEL,
            description = "Pictures in flight: read, painted, encoded and written at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--forwards", paramLabel = "N", defaultValue = "" + DEFAULT_FORWARDS,
            description = "Forward passes at once among them (default: ${DEFAULT-VALUE}; see the README's measurements).")
    int forwards;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads of the tensor engine (default: all cores divided by --forwards).")
    int threads;

    @Option(names = "--size", paramLabel = "N", defaultValue = "512",
            description = "With --style: the longest side of each output (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--max-megapixels", paramLabel = "MP", defaultValue = "50",
            description = "Larger pictures fail (checked from the header, before decoding) (default: ${DEFAULT-VALUE}).")
    int maxMegapixels;

    @Option(names = "--mirror", paramLabel = "URL", description = "Download models from this server (same paths).")
    String mirror;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", description = "As for stylize.")
    String device;

    @Option(names = "--quiet", description = "No progress bar (failures and the final counts are still printed).")
    boolean quiet;

    @Override
    public Integer call() {
        if (parallel < 1 || parallel > 64 || forwards < 1 || forwards > parallel) {
            throw new UsageException("--parallel must be between 1 and 64 and --forwards between 1 and --parallel, got "
                    + parallel + " and " + forwards);
        }
        if (threads < 0 || threads > 1024) {
            throw new UsageException("--threads must be between 1 and 1024 (or 0), got " + threads);
        }
        if (maxMegapixels < 1) {
            throw new UsageException("--max-megapixels must be at least 1, got " + maxMegapixels);
        }
        if (report != null) {
            OutputPaths.checkWritable(report);
        }
        try {
            return run();
        } catch (BatchException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    private int run() {
        String styleName;
        Supplier<Painter> painter;
        if (style != null) {
            Sizes.checkSide("--size", size);
            if (forwards != 1) {
                throw new UsageException("--style paints one picture at a time; --forwards must be 1");
            }
            String file = style.getFileName().toString();
            styleName = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            BufferedImage painting = ImageLoader.read(style);
            painter = () -> new OptimisationPainter(styleName, painting, WeightsSelection.load(
                    weights == null ? null : Path.of(weights), model, mirror, NetworkFamily.VGG16, quiet), size);
        } else {
            if (model == null && weights == null) {
                throw new UsageException("give a style: --model NAME, --weights PATH or --style FILE");
            }
            if (model != null && weights != null) {
                throw new UsageException("give either --model or --weights, not both");
            }
            StyleSource source = model != null ? StyleSource.model(model, mirror) : StyleSource.weights(weights);
            source.check();
            styleName = source.styleName();
            painter = () -> Painter.of(source.open(quiet || model == null ? DownloadListener.NONE
                    : new WeightsProgressBar(System.err, System.console() != null, model)), styleName);
        }
        OutputNames names = new OutputNames(name, styleName);
        BatchRun.Settings settings = new BatchRun.Settings(output, names, overwrite, parallel, forwards,
                maxMegapixels * 1_000_000L);
        List<BatchInput> inputs = BatchInputs.resolve(input);
        BatchRun.checkLayout(BatchInputs.root(input), inputs, settings);
        int cores = Runtime.getRuntime().availableProcessors();
        TensorEngine.configure(threads > 0 ? threads : Math.max(1, cores / forwards));
        try {
            TensorEngine.device(device);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        BatchProgressBar bar = new BatchProgressBar(System.err, System.console() != null, quiet);
        BatchRun run = new BatchRun(settings, painter);
        BatchSummary summary;
        try {
            summary = run.run(inputs, bar);
        } finally {
            bar.finish();
            run.closePainter();
        }
        if (report != null) {
            try {
                BatchReport.write(report, summary);
            } catch (IOException e) {
                throw new UserException("cannot write report " + report + ": " + AtomicFile.describe(e), e);
            }
        }
        long done = summary.count(FileOutcome.Status.DONE);
        long failed = summary.count(FileOutcome.Status.FAILED);
        System.err.printf(Locale.ROOT, "atelier: %d done, %d skipped, %d failed of %d files in %.1f s%s%n", done,
                summary.count(FileOutcome.Status.SKIPPED), failed, summary.files().size(), summary.seconds(),
                done == 0 ? "" : String.format(Locale.ROOT, " (%.2f files/s)", done / summary.seconds()));
        return failed == 0 ? 0 : SOME_FAILED;
    }
}
