package dev.atelier.cli;

import dev.atelier.instant.StyleNetwork;
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
import picocli.CommandLine.Option;

@Command(name = "video", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Repaints every frame of a clip with an instant style, steadied over time by optical flow; "
                + "keeps the frame rate, frame count, duration and sound.")
final class VideoCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE|PATTERN", required = true,
            description = "The clip (anything FFmpeg reads: .mp4, .mov, .mkv, .webm, .gif, ...) or numbered frames "
                    + "such as frames/%05d.png.")
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
    }

    @Option(names = "--output", paramLabel = "FILE|PATTERN", required = true,
            description = "Where to write: .mp4/.mov/.mkv (H.264 + AAC), .webm (VP9 + Opus), .gif, or numbered frames "
                    + "such as frames/%05d.png (.jpg also). Written under a temporary name, renamed when complete.")
    String output;

    @Option(names = "--no-temporal", description = "No stabilisation: every frame is the network's picture of it.")
    boolean noTemporal;

    @Option(names = "--temporal-strength", paramLabel = "F",
            description = "How much of the previous frame, warped by the optical flow, is kept where the flow is "
                    + "reliable: 0 (none) to 1 (default: ${DEFAULT-VALUE}).")
    double strength = VideoSettings.DEFAULT_STRENGTH;

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

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads for the tensor engine (default: all cores).")
    int threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where tensors live (default: ${DEFAULT-VALUE}).")
    String device;

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
        if (threads < 0 || threads > 1024) {
            throw new UsageException("--threads must be between 1 and 1024 (or 0 for all cores), got " + threads);
        }
        double startSeconds = start == null ? 0 : Times.seconds("--start", start);
        double durationSeconds = duration == null ? 0 : Times.seconds("--duration", duration);
        if (duration != null && durationSeconds <= 0) {
            throw new UsageException("--duration must be more than 0, got " + duration);
        }
        VideoStylizer.checkOutput(output);
        VideoSettings settings = new VideoSettings(startSeconds, durationSeconds, size == null ? 0 : size,
                noTemporal ? 0 : strength, frameRate, resume);
        TensorEngine.configure(threads);
        try {
            TensorEngine.device(device);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        VideoProgressBar bar = new VideoProgressBar(System.err, System.console() != null);
        VideoStylizer.Result result;
        try {
            result = VideoStylizer.run(input, output, this::open, settings, p -> {
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

    /** Called once the input has been checked: a catalogue style may need downloading first. */
    private StyleNetwork open() {
        Path path = network.weights != null ? network.weights : InstantCatalog.resolve(network.model, mirror, quiet);
        TensorEngine.start();
        return StyleNetworks.open(path);
    }
}
