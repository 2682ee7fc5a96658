package dev.atelier.cli;

import ai.djl.ndarray.NDManager;
import dev.atelier.image.ImageLoader;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Recipe;
import dev.atelier.video.FramePainter;
import dev.atelier.video.InstantPainter;
import dev.atelier.video.OptimisingPainter;
import java.awt.image.BufferedImage;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.network.TensorEngine;
import dev.atelier.video.VideoProgress;
import dev.atelier.video.VideoSettings;
import dev.atelier.video.VideoStylizer;
import dev.atelier.video.VideoTimings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "video", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Repaints every frame of a clip with an instant style, steadied over time by optical flow; "
                + "keeps the frame rate, frame count, duration and sound.")
final class VideoCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE|PATTERN", required = true,
            description = "The clip (anything FFmpeg reads: .mp4, .mov, .mkv, .webm, .gif, ...) or numbered frames "
                    + "such as frames/%%05d.png.")
    String input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Network network;

    static final class Network {
        @Option(names = "--model", paramLabel = "NAME", required = true,
                description = "An instant style from the catalogue (e.g. wave, la_muse, scream).")
        String model;

        @Option(names = "--weights", paramLabel = "PATH", required = true,
                description = "An instant style network: a deeplearn.js checkpoint folder, .pth or .safetensors file.")
        Path weights;

        @Option(names = "--style", paramLabel = "FILE", required = true,
                description = "A painting: the optimisation path per frame (as stylize; slow, the best quality), each "
                        + "frame starting from the previous result warped by the flow, with a temporal loss.")
        Path style;
    }

    @Option(names = "--output", paramLabel = "FILE|PATTERN", required = true,
            description = "Where to write: .mp4/.mov/.mkv (H.264 + AAC), .webm (VP9 + Opus), .gif, or numbered frames "
                    + "such as frames/%%05d.png (.jpg also). Written under a temporary name, renamed when complete.")
    String output;

    @Option(names = "--no-temporal", description = "No stabilisation: every frame is the network's picture of it.")
    boolean noTemporal;

    @Option(names = "--temporal-strength", paramLabel = "F",
            description = "How much of the previous frame, warped by the optical flow, is kept where the flow is "
                    + "reliable: 0 (none) to 1 (default: ${DEFAULT-VALUE}).")
    double strength = VideoSettings.DEFAULT_STRENGTH;

    @Option(names = "--temporal-weight", paramLabel = "W",
            description = "With --style: weight of Ruder et al.'s temporal loss, each frame starting from the previous "
                    + "result warped by the flow (1e7 flickered least on Darknet Tiny). Default 0: each frame painted "
                    + "on its own, then blended as --temporal-strength says (measured in the README).")
    Double temporalWeight;

    @Option(names = "--loss-weights", paramLabel = "FILE",
            description = "With --style: the loss network's weights file (default: the catalogue's model for the "
                    + "preset's network, downloaded on first use).")
    Path lossWeights;

    @Mixin
    ObjectiveOptions objective;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "With --style and --init random: seed of the random start (default: ${DEFAULT-VALUE}).")
    long seed;

    enum VideoInit { content, random }

    @Option(names = "--init", paramLabel = "content|random", defaultValue = "content",
            description = "With --style: how the first frame (and, with --no-temporal, every frame) starts: from the "
                    + "frame itself or from seeded noise (default: ${DEFAULT-VALUE}; measured in the README).")
    VideoInit init;

    @Option(names = "--start", paramLabel = "T", description = "Begin at T (seconds, or [h:]m:s).")
    String start;

    @Option(names = "--duration", paramLabel = "T", description = "Take only T of the clip (seconds, or [h:]m:s).")
    String duration;

    @Option(names = "--size", paramLabel = "N",
            description = "Longest side of the output frames in pixels (default: the input's size).")
    Integer size;

    @Option(names = "--frame-rate", paramLabel = "FPS", defaultValue = "25",
            description = "Frames per second of numbered-frame input (default: ${DEFAULT-VALUE}).")
    double frameRate;

    @Option(names = "--resume", description = "Continue an interrupted run with the same options from the frames it finished.")
    boolean resume;

    @Mixin
    EngineSettings engine;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Download catalogue styles from this server instead of the published hosts (same paths).")
    String mirror;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        if (size != null) {
            Sizes.checkSide("--size", size);
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw new UsageException("--temporal-strength must be between 0 and 1, got " + strength);
        }
        if (!(frameRate > 0 && frameRate <= 1000)) {
            throw new UsageException("--frame-rate must be between 0 and 1000, got " + frameRate);
        }
        if (temporalWeight != null && (!(temporalWeight >= 0) || Double.isInfinite(temporalWeight))) {
            throw new UsageException("--temporal-weight must be a number >= 0, got " + temporalWeight);
        }
        engine.check();
        double startSeconds = start == null ? 0 : Times.seconds("--start", start);
        double durationSeconds = duration == null ? 0 : Times.seconds("--duration", duration);
        if (duration != null && durationSeconds <= 0) {
            throw new UsageException("--duration must be more than 0, got " + duration);
        }
        VideoStylizer.checkOutput(output);
        VideoSettings settings = new VideoSettings(startSeconds, durationSeconds, size == null ? 0 : size,
                noTemporal ? 0 : strength, frameRate, resume);
        BufferedImage painting = network.style == null ? null : ImageLoader.read(network.style);
        engine.configure();
        VideoProgressBar bar = new VideoProgressBar(System.err, System.console() != null);
        VideoStylizer.Result result;
        try {
            result = VideoStylizer.run(input, output, () -> painter(painting), settings, p -> {
                if (!quiet) {
                    bar.accept(p);
                }
            });
        } finally {
            bar.finish();
        }
        if (!quiet) {
            VideoTimings t = result.timings();
            double total = Math.max(1, t.total());
            System.err.printf(Locale.ROOT, "atelier: wrote %s (%d frames %dx%d at %.3f fps%s, %.1f s, %.2f frames/s; "
                            + "time: decode %.0f%%, network %.0f%%, flow %.0f%%, warp %.0f%%, encode %.0f%%, "
                            + "work folder %.0f%%)%n",
                    output, result.frames(), result.width(), result.height(), result.frameRate(),
                    result.sound() ? ", with sound" : "", result.seconds(),
                    (result.frames() - result.resumed()) / Math.max(1e-9, result.seconds()),
                    100 * t.decode() / total, 100 * t.network() / total, 100 * t.flow() / total,
                    100 * t.warp() / total, 100 * t.encode() / total, 100 * t.save() / total);
        }
        return 0;
    }

    /** Called once the input has been checked: a network may need downloading first. */
    private FramePainter painter(BufferedImage painting) {
        if (painting != null) {
            return optimising(painting);
        }
        Path path = network.weights != null ? network.weights : InstantCatalog.resolve(network.model, mirror, quiet);
        TensorEngine.start();
        StyleNetwork net = StyleNetworks.open(path);
        return new InstantPainter(net, noTemporal ? 0 : strength);
    }

    /** The command line less what does not change a frame, for the resume key. */
    private String description() {
        java.util.List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.removeIf(a -> a.equals("--resume") || a.equals("--quiet"));
        return String.join(" ", args) + " (style " + network.style.toAbsolutePath() + ")";
    }

    private FramePainter optimising(BufferedImage painting) {
        FeatureWeights weights = WeightsSelection.load(lossWeights, null, mirror, objective.network(), quiet);
        objective.checkNetwork(weights.family());
        TensorEngine.start();
        NDManager manager = TensorEngine.newManager();
        try {
            FeatureNetwork net = FeatureNetworks.upload(weights, manager);
            Preset preset = objective.preset();
            Recipe recipe = objective.recipe(net, schedule.toSchedule(preset));
            double weight = noTemporal ? 0
                    : temporalWeight != null ? temporalWeight : VideoSettings.DEFAULT_TEMPORAL_WEIGHT;
            // weight 0 (without --no-temporal): frames painted on their own, blended as the instant path
            OptimisingPainter painter = new OptimisingPainter(net, painting, recipe,
                    init == VideoInit.random ? JobSpec.InitChoice.random(seed)
                            : new JobSpec.InitChoice(JobSpec.InitChoice.Kind.CONTENT, 0, 0, null), weight,
                    noTemporal || weight != 0 ? 0 : strength, description());
            return new FramePainter() {
                @Override
                public String name() {
                    return painter.name();
                }

                @Override
                public BufferedImage paint(BufferedImage frame) {
                    return painter.paint(frame);
                }

                @Override
                public void remember(BufferedImage frame, BufferedImage output) {
                    painter.remember(frame, output);
                }

                @Override
                public long flowNanos() {
                    return painter.flowNanos();
                }

                @Override
                public long warpNanos() {
                    return painter.warpNanos();
                }

                @Override
                public void close() {
                    try {
                        painter.close();
                    } finally {
                        manager.close();
                    }
                }
            };
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
