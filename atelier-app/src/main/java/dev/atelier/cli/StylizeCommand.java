package dev.atelier.cli;

import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageSaver;
import dev.atelier.image.OutputFormat;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.NetworkFamily;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.RunReport;
import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.StartupTimeline;
import dev.atelier.transfer.StylizeJob;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stylize", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Repaints the content image in the style of the style image(s); the seed preset unless told otherwise.")
final class StylizeCommand implements Callable<Integer> {

    @Option(names = "--content", paramLabel = "FILE", required = true, description = "The photo to repaint (JPEG, PNG, BMP, GIF).")
    Path content;

    @Option(names = "--style", paramLabel = "FILE[,FILE...]", required = true, split = ",", hideParamSyntax = true,
            description = "The painting(s) whose style to use; repeat or separate with commas to blend several.")
    List<Path> styles;

    @Option(names = "--style-blend-weights", paramLabel = "W,W...", split = ",", hideParamSyntax = true,
            description = "One weight per style, normalised to sum 1 (default: equal).")
    List<Double> blendWeights;

    @Option(names = "--style-scale", paramLabel = "F",
            description = "Resize each style to F times the output's size, keeping its aspect ratio (default: the seed's: "
                    + "the style is stretched to the output's exact size). Smaller F gives larger brush strokes.")
    Double styleScale;

    @Option(names = "--mask", paramLabel = "FILE|none[,...]", split = ",", hideParamSyntax = true,
            description = "One mask per style: white where that style applies, black where not; edges are softened.")
    List<String> masks;

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

    @Option(names = "--preserve-colors",
            description = "Transfer only luminance and keep the photo's colours (Gatys et al. 2016).")
    boolean preserveColors;

    @Option(names = "--match-colors", paramLabel = "chol|pca|sym",
            description = "Recolour the style(s) to the photo's colour mean and covariance before painting.")
    String matchColors;

    @Option(names = "--init", paramLabel = "random|content|style|FILE", defaultValue = "random",
            description = "Starting image: the reference's uniform noise U(0,255)-128, the content, the (first) style, "
                    + "or an image file (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--init-noise", paramLabel = "F",
            description = "Start from the content with a fraction F (0..1) of the random noise blended in (implies --init content).")
    Double initNoise;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random start; the noise is numpy's default_rng(N), bit for bit (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--scales", paramLabel = "N,N...", split = ",", hideParamSyntax = true,
            description = "Coarse-to-fine: paint at these longest sides first, each result upsampled to start the next; "
                    + "the last pass is --size.")
    List<Integer> scales;

    @Option(names = "--multiscale", description = "Coarse-to-fine passes from 128 px up to --size in steps of about √2.")
    boolean multiscale;

    @Option(names = "--scale-iterations", paramLabel = "N", defaultValue = "3",
            description = "Outer iterations at each coarse pass (default: ${DEFAULT-VALUE}); the last pass uses --iterations.")
    int scaleIterations;

    @Option(names = "--save-every", paramLabel = "N",
            description = "Also write the image every N outer iterations, as OUTPUT_0010.png and so on.")
    Integer saveEvery;

    @Option(names = "--animation", paramLabel = "FILE.gif", description = "Also write the progression as an animated GIF, one frame per outer iteration.")
    Path animation;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Also write a JSON report: final loss, evaluations, seconds and the per-iteration history.")
    Path report;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        StartupTimeline.mark("command line parsed");
        Sizes.checkSide("--size", size);
        Preset preset = objective.preset();
        Schedule plan = schedule.toSchedule(preset);
        List<Integer> coarse = coarseScales();
        checkOutputs();
        CompletableFuture<EngineOptions.DeviceNetwork> loading =
                engine.quiet(quiet).startInBackground(objective.network());
        Decoded decoded;
        try {
            decoded = decode();
        } catch (RuntimeException e) {
            // Nothing will run on the network: free it when it arrives (this JVM may go on, as in tests).
            loading.thenAccept(EngineOptions.DeviceNetwork::close);
            throw e;
        }
        try (EngineOptions.DeviceNetwork device = EngineOptions.await(loading)) {
            StartupTimeline.mark("network ready");
            return stylize(device.network(), preset, plan, coarse, decoded);
        }
    }

    private Decoded decode() {
        BufferedImage contentImage = ImageLoader.read(content);
        StartupTimeline.mark("content image decoded");
        List<BufferedImage> styleImages = styles.stream().map(ImageLoader::read).toList();
        StartupTimeline.mark("style images decoded");
        return new Decoded(contentImage, styleImages, maskImages(), initChoice());
    }

    /** The images and start image as read from the command line, before any resizing. */
    private record Decoded(BufferedImage content, List<BufferedImage> styles, List<BufferedImage> masks,
                           JobSpec.InitChoice start) {}

    private int stylize(FeatureNetwork network, Preset asked, Schedule asPlanned, List<Integer> coarse, Decoded in) {
        NetworkFamily architecture = network.family();
        objective.checkNetwork(architecture);
        Preset preset = objective.preset();
        Schedule plan = preset == asked ? asPlanned : schedule.toSchedule(preset);
        Recipe recipe = objective.recipe(network, plan);
        JobSpec spec;
        try {
            spec = new JobSpec(in.content(), in.styles(), blendWeights == null ? List.of() : blendWeights,
                    in.masks(), styleScale, size, coarse, scaleIterations, in.start(),
                    new JobSpec.ColorMode(preserveColors, colorMatch()), recipe);
            StylizeJob.checkSizes(network, spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        ProgressBar bar = new ProgressBar(System.err, System.console() != null);
        RunReport history = new RunReport();
        if (!quiet) {
            System.err.printf(Locale.ROOT, "atelier: %s on %s, passes %s, %s%n", preset.name(), architecture,
                    StylizeJob.passes(spec), describe(plan));
        }
        StylizeJob.Result result;
        try (IntermediateOutputs intermediates = new IntermediateOutputs(output, saveEvery, animation,
                StylizeJob.outputSize(spec))) {
            try {
                result = new StylizeJob(network).run(spec, p -> {
                    history.accept(p);
                    intermediates.accept(p);
                    if (!quiet) {
                        bar.accept(p);
                    }
                    return true;
                }, () -> false);
            } finally {
                bar.finish();
            }
            intermediates.finish();
        }
        ImageSaver.save(result.image(), output);
        if (report != null) {
            Reports.write(report, history, result);
        }
        if (!quiet) {
            System.err.printf(Locale.ROOT, "atelier: wrote %s (loss %.4e after %d evaluations, %.1f s)%n", output,
                    result.loss().total(), result.evaluations(), result.seconds());
        }
        return 0;
    }

    private void checkOutputs() {
        OutputFormat.forPath(output);
        OutputPaths.checkWritable(output);
        if (report != null) {
            OutputPaths.checkWritable(report);
        }
        if (animation != null) {
            if (!animation.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
                throw new UsageException("--animation must name a .gif file, got " + animation);
            }
            OutputPaths.checkWritable(animation);
        }
        if (saveEvery != null && saveEvery < 1) {
            throw new UsageException("--save-every must be at least 1, got " + saveEvery);
        }
    }

    private List<Integer> coarseScales() {
        if (scaleIterations < 1 || scaleIterations > 100_000) {
            throw new UsageException("--scale-iterations must be between 1 and 100000, got " + scaleIterations);
        }
        if (scales != null && multiscale) {
            throw new UsageException("give either --scales or --multiscale, not both");
        }
        if (scales != null) {
            for (int s : scales) {
                Sizes.checkSide("--scales", s);
            }
            return scales;
        }
        List<Integer> out = new ArrayList<>();
        if (multiscale) {
            for (double s = Math.min(128, size); s < size - 1; s *= Math.sqrt(2)) {
                out.add((int) Math.round(s));
            }
        }
        return out;
    }

    private List<BufferedImage> maskImages() {
        if (masks == null) {
            return List.of();
        }
        if (masks.size() != styles.size()) {
            throw new UsageException("--mask: " + masks.size() + " masks for " + styles.size()
                    + " styles; give one per style (or 'none')");
        }
        return masks.stream().map(m -> m.equals("none") ? JobSpec.NO_MASK : ImageLoader.read(Path.of(m))).toList();
    }

    private JobSpec.InitChoice initChoice() {
        if (initNoise != null) {
            if (!(initNoise >= 0 && initNoise <= 1)) {
                throw new UsageException("--init-noise must be between 0 and 1, got " + initNoise);
            }
            if (!init.equals("random") && !init.equals("content")) {
                throw new UsageException("--init-noise blends noise into the content; it cannot be used with --init " + init);
            }
            return new JobSpec.InitChoice(JobSpec.InitChoice.Kind.CONTENT, seed, initNoise, null);
        }
        return switch (init) {
            case "random" -> JobSpec.InitChoice.random(seed);
            case "content" -> new JobSpec.InitChoice(JobSpec.InitChoice.Kind.CONTENT, seed, 0, null);
            case "style" -> new JobSpec.InitChoice(JobSpec.InitChoice.Kind.STYLE, seed, 0, null);
            default -> new JobSpec.InitChoice(JobSpec.InitChoice.Kind.IMAGE, seed, 0, ImageLoader.read(Path.of(init)));
        };
    }

    private JobSpec.ColorMatch colorMatch() {
        if (matchColors == null) {
            return JobSpec.ColorMatch.NONE;
        }
        return switch (matchColors.toLowerCase(Locale.ROOT)) {
            case "chol" -> JobSpec.ColorMatch.CHOL;
            case "pca" -> JobSpec.ColorMatch.PCA;
            case "sym" -> JobSpec.ColorMatch.SYM;
            default -> throw new UsageException("--match-colors must be chol, pca or sym, got '" + matchColors + "'");
        };
    }

    private static String describe(Schedule s) {
        if (s.optimizer() == Schedule.OptimizerKind.ADAM) {
            return "Adam, " + s.budget() + " evaluations";
        }
        return s.restarts() ? s.iterations() + " iterations of " + s.evaluationsPerIteration() + " evaluations"
                : s.budget() + " evaluations without restarts";
    }
}
