package dev.atelier.cli;

import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageSaver;
import dev.atelier.image.OutputFormat;
import dev.atelier.network.Pooling;
import dev.atelier.transfer.Init;
import dev.atelier.transfer.Inputs;
import dev.atelier.transfer.LossSpec;
import dev.atelier.transfer.LossWeights;
import dev.atelier.transfer.ProgressListener;
import dev.atelier.transfer.RunReport;
import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.Stylizer;
import dev.atelier.weights.VggWeights;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stylize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Repaints the content image in the style of the style image (seed preset unless told otherwise).")
final class StylizeCommand implements Callable<Integer> {

    @Option(names = "--content", paramLabel = "FILE", required = true, description = "The photo to repaint (JPEG, PNG, BMP, GIF).")
    Path content;

    @Option(names = "--style", paramLabel = "FILE", required = true, description = "The painting whose style to use; resized to the output's size.")
    Path style;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "out.png",
            description = "Where to write the result; .png or .jpg/.jpeg (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    EngineOptions engine;

    @Option(names = "--size", paramLabel = "N", defaultValue = "512",
            description = "Longest side of the output in pixels; the content keeps its aspect ratio (default: ${DEFAULT-VALUE}).")
    int size;

    @Mixin
    ObjectiveOptions objective;

    @Option(names = "--init", paramLabel = "random|content|style|FILE", defaultValue = "random",
            description = "Starting image: the reference's uniform noise U(0,255)-128, the content, the style, or an image file (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random init; the noise is numpy's default_rng(N), bit for bit (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write a JSON report: final loss, evaluations, seconds and the per-iteration history.")
    Path report;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        Sizes.checkSide("--size", size);
        Schedule plan = schedule.toSchedule();
        LossWeights weights = objective.weights();
        OutputFormat.forPath(output);
        OutputPaths.checkWritable(output);
        if (report != null) {
            OutputPaths.checkWritable(report);
        }
        CaffeImage contentImage = Inputs.content(ImageLoader.read(content), size);
        CaffeImage styleImage = Inputs.atSizeOf(ImageLoader.read(style), contentImage);
        Init start = InitOption.parse(init, seed, contentImage, ImageLoader.read(style));
        VggWeights vgg = engine.start();

        ProgressBar bar = new ProgressBar(System.err, System.console() != null);
        RunReport history = new RunReport();
        ProgressListener listener = p -> {
            history.accept(p);
            if (!quiet) {
                bar.accept(p);
            }
            return true;
        };
        if (!quiet) {
            System.err.printf("atelier: %dx%d, %s, %s%n", contentImage.width(), contentImage.height(),
                    vgg.architecture(), plan.restartEachIteration()
                            ? plan.iterations() + " iterations of " + plan.evaluationsPerIteration() + " evaluations"
                            : plan.budget() + " evaluations without restarts");
        }
        Stylizer.Result result = new Stylizer(vgg, Pooling.MAX)
                .run(contentImage, styleImage, start, LossSpec.seed(weights), plan, listener);
        bar.finish();
        ImageSaver.save(CaffePreprocessing.deprocess(result.image()), output);
        if (report != null) {
            Reports.write(report, history, result);
        }
        if (!quiet) {
            System.err.printf("atelier: wrote %s (loss %.4e after %d evaluations, %.1f s)%n", output,
                    result.loss().total(), result.evaluations(), result.seconds());
        }
        return 0;
    }
}
