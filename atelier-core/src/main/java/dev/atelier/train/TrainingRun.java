package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSaver;
import dev.atelier.image.animation.GifAnimationWriter;
import dev.atelier.network.TensorEngine;
import dev.atelier.weights.FloatTensor;
import dev.atelier.weights.Safetensors;
import dev.atelier.weights.WeightsException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A whole training run, as {@code atelier train} makes it: the style's Gram matrices, the photos, the network
 * (random, {@code --init} or a checkpoint), the steps, checkpoints every N steps, previews, and the output file with
 * pytorch/examples' state-dict names and the run's settings in its metadata. Every file is written atomically.
 */
public final class TrainingRun {

    /** Default number of steps when neither steps nor epochs are given. */
    public static final long DEFAULT_STEPS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to train and how. {@code steps} and {@code epochs} may both be null (then {@link #DEFAULT_STEPS}). */
    public record Options(Path style, List<Path> images, Path output, int size, int batch, Long steps, Double epochs,
                          double learningRate, LossSettings loss, int styleSize, long seed, Crop crop,
                          long checkpointEvery, Path resume, Path init, Path report, Path preview, long previewEvery,
                          int previewSize, Path animation) {

        /** These options with other loss settings. */
        public Options withLoss(LossSettings settings) {
            return new Options(style, images, output, size, batch, steps, epochs, learningRate, settings, styleSize,
                    seed, crop, checkpointEvery, resume, init, report, preview, previewEvery, previewSize, animation);
        }
    }

    /** Hears how the run goes. */
    public interface Listener {
        default void onStart(long firstStep, long steps, int images, int batch) {}

        void onStep(StepRecord record, long steps, int batch);

        default void onCheckpoint(Path file, long step) {}
    }

    /** What a finished run did: its history, the files skipped as unreadable, and where things went. */
    public record Result(List<StepRecord> history, int unreadable, Path output, Path checkpoint, List<Path> previews) {}

    private TrainingRun() {}

    /** The checkpoint file of an output: {@code my.safetensors} → {@code my.checkpoint.safetensors}. */
    public static Path checkpointFile(Path output) {
        return sibling(output, ".checkpoint.safetensors");
    }

    private static Path sibling(Path output, String suffix) {
        String name = output.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return output.resolveSibling(stem + suffix);
    }

    public static Result run(Options o, LossNetwork lossNetwork, Listener listener) throws IOException {
        for (String layer : o.loss().contentLayers()) {
            requireLayer(lossNetwork, layer, "--content-layers");
        }
        for (String layer : o.loss().styleLayers()) {
            requireLayer(lossNetwork, layer, "--style-layers");
        }
        BufferedImage styleImage = ImageResizer.resizeLongestSide(ImageLoader.read(o.style()), o.styleSize());
        String styleSha = sha256(o.style());
        BufferedImage previewPhoto = o.preview() == null ? null : previewInput(ImageLoader.read(o.preview()),
                o.previewSize());
        TrainingImages images = TrainingImages.open(o.images(), o.size(), o.crop(), o.seed());
        long steps = o.steps() != null ? o.steps()
                : o.epochs() != null ? Math.max(1, (long) Math.ceil(o.epochs() * images.count() / o.batch()))
                : DEFAULT_STEPS;
        TrainableNetwork network = new JohnsonNetwork();
        Map<String, String> settings = settings(o, lossNetwork, styleSha, images);
        Checkpoint resumed = o.resume() == null ? null : Checkpoint.read(o.resume(), network);
        if (resumed != null) {
            requireSameRun(resumed.settings(), settings, o.resume());
        }
        Map<String, FloatTensor> initial = resumed != null ? resumed.parameters()
                : o.init() != null ? JohnsonNetwork.read(o.init()) : RandomInit.of(network.parameterShapes(), o.seed());
        List<StepRecord> history = new ArrayList<>(resumed == null ? List.of() : resumed.history());
        List<Path> previews = new ArrayList<>();
        Path checkpointFile = checkpointFile(o.output());
        try (NDManager manager = TensorEngine.newManager();
             NDArray style = manager.create(planar(styleImage),
                     new Shape(1, 3, styleImage.getHeight(), styleImage.getWidth()));
             TrainingLoss loss = new TrainingLoss(lossNetwork, o.loss(), style, manager);
             Trainer trainer = new Trainer(network, initial, loss, images, o.batch(), o.learningRate(), manager);
             GifAnimationWriter gif = o.animation() == null ? null
                     : GifAnimationWriter.open(o.animation(), Duration.ofMillis(400), Duration.ofSeconds(2), null)) {
            if (resumed != null) {
                trainer.restore(resumed.parameters(), resumed.step(), resumed.expAvg(), resumed.expAvgSq());
                // The interrupted run's previews are on disk: the animation starts with them.
                for (long step = o.previewEvery(); previewPhoto != null && step <= resumed.step();
                     step += o.previewEvery()) {
                    Path file = previewFile(o.output(), step);
                    if (Files.isRegularFile(file)) {
                        previews.add(file);
                        if (gif != null) {
                            gif.addFrame(ImageLoader.read(file));
                        }
                    }
                }
            }
            trainer.plannedSteps(steps);
            listener.onStart(trainer.stepsDone(), steps, images.count(), o.batch());
            while (trainer.stepsDone() < steps) {
                long start = System.nanoTime();
                LossValues v = trainer.step();
                if (!Double.isFinite(v.loss())) {
                    throw new IllegalArgumentException("the loss became " + v.loss() + " at step "
                            + trainer.stepsDone() + "; try a smaller --lr or smaller weights");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long step = trainer.stepsDone();
                StepRecord record = new StepRecord(step, v.loss(), v.content(), v.style(), v.tv(), seconds);
                history.add(record);
                listener.onStep(record, steps, o.batch());
                if (o.checkpointEvery() > 0 && (step % o.checkpointEvery() == 0 || step == steps)) {
                    Checkpoint.of(trainer, settings, history).write(checkpointFile);
                    listener.onCheckpoint(checkpointFile, step);
                }
                if (previewPhoto != null && (step % o.previewEvery() == 0 || step == steps)) {
                    BufferedImage painted = paint(trainer, previewPhoto);
                    Path file = previewFile(o.output(), step);
                    ImageSaver.save(painted, file);
                    previews.add(file);
                    if (gif != null) {
                        gif.addFrame(painted);
                    }
                }
            }
            Map<String, String> meta = new LinkedHashMap<>(metadata(network, settings, styleSha, o, trainer));
            Safetensors.write(o.output(), trainer.parameters(), meta);
            if (o.report() != null) {
                writeReport(o.report(), history, images, o.output());
            }
            if (gif != null) {
                gif.finish();
            }
        }
        return new Result(history, images.unreadable().size(), o.output(),
                o.checkpointEvery() > 0 ? checkpointFile : null, previews);
    }

    /** {@code my.safetensors} → {@code my.preview-000050.jpg}. */
    static Path previewFile(Path output, long step) {
        return sibling(output, String.format(java.util.Locale.ROOT, ".preview-%06d.jpg", step));
    }

    private static void requireLayer(LossNetwork network, String layer, String option) {
        if (!network.layers().contains(layer)) {
            throw new IllegalArgumentException(option + ": " + network.name() + " has no layer '" + layer
                    + "'; its layers are " + String.join(", ", network.layers()));
        }
    }

    /** What identifies a run: a checkpoint resumes only a run with the same values. */
    private static Map<String, String> settings(Options o, LossNetwork lossNetwork, String styleSha,
                                                TrainingImages images) throws IOException {
        Map<String, String> s = new TreeMap<>();
        s.put("style_sha256", styleSha);
        s.put("loss_network", lossNetwork.name());
        s.put("images", Integer.toString(images.count()));
        s.put("size", Integer.toString(o.size()));
        s.put("batch", Integer.toString(o.batch()));
        s.put("lr", Double.toString(o.learningRate()));
        s.put("content_weight", Double.toString(o.loss().contentWeight()));
        s.put("style_weight", Double.toString(o.loss().styleWeight()));
        s.put("tv_weight", Double.toString(o.loss().tvWeight()));
        s.put("content_layers", String.join(",", o.loss().contentLayers()));
        s.put("style_layers", String.join(",", o.loss().styleLayers()));
        s.put("style_size", Integer.toString(o.styleSize()));
        s.put("seed", Long.toString(o.seed()));
        s.put("crop", o.crop().name().toLowerCase(java.util.Locale.ROOT));
        s.put("init", o.init() == null ? "random" : "sha256:" + sha256(o.init()));
        return s;
    }

    private static void requireSameRun(Map<String, String> saved, Map<String, String> now, Path file) {
        for (String key : now.keySet()) {
            if (!Objects.equals(saved.get(key), now.get(key))) {
                throw new WeightsException("--resume file '" + file + "' was written by a run with " + key + " "
                        + saved.get(key) + ", this run has " + now.get(key) + "; resume with the same settings");
            }
        }
    }

    private static Map<String, String> metadata(TrainableNetwork network, Map<String, String> settings,
                                                String styleSha, Options o, Trainer trainer)
            throws JsonProcessingException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("architecture", network.architecture());
        m.put("style_sha256", styleSha);
        m.put("style_file", o.style().getFileName().toString());
        m.put("loss_network", settings.get("loss_network"));
        m.put("steps", Long.toString(trainer.stepsDone()));
        m.put("settings", JSON.writeValueAsString(settings));
        m.put("trained_by", "atelier train");
        return m;
    }

    private static void writeReport(Path file, List<StepRecord> history, TrainingImages images, Path output)
            throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("output", output.toString());
        report.put("images", images.count());
        report.put("unreadable", images.unreadable().stream().map(Path::toString).sorted().toList());
        report.put("steps", history);
        double total = history.stream().mapToDouble(StepRecord::seconds).sum();
        report.put("seconds", total);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        dev.atelier.io.AtomicFile.write(file, out -> out.write(bytes));
    }

    /** The preview photo at its longest side {@code size}, both sides cut down to multiples of 4. */
    private static BufferedImage previewInput(BufferedImage photo, int size) {
        BufferedImage resized = ImageResizer.resizeLongestSide(photo, size);
        int w = Math.max(4, resized.getWidth() / 4 * 4);
        int h = Math.max(4, resized.getHeight() / 4 * 4);
        return ImageResizer.resize(resized, w, h);
    }

    private static BufferedImage paint(Trainer trainer, BufferedImage photo) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        float[] y = trainer.apply(planar(photo), h, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = w * h;
        int[] rgb = new int[plane];
        for (int p = 0; p < plane; p++) {
            rgb[p] = level(y[p]) << 16 | level(y[plane + p]) << 8 | level(y[2 * plane + p]);
        }
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    private static int level(float v) {
        return (int) Math.rint(Math.max(0, Math.min(255, v)));
    }

    /** An RGB image as planar {@code 3×H×W} floats 0..255. */
    static float[] planar(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            out[p] = (rgb[p] >> 16) & 0xFF;
            out[plane + p] = (rgb[p] >> 8) & 0xFF;
            out[2 * plane + p] = rgb[p] & 0xFF;
        }
        return out;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
