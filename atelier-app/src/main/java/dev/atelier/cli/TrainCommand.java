package dev.atelier.cli;

import dev.atelier.io.AtomicFile;
import dev.atelier.network.TensorEngine;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.NetworkFamily;
import dev.atelier.train.Crop;
import dev.atelier.train.LossSettings;
import dev.atelier.train.TrainingRun;
import dev.atelier.train.FeatureLossNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Trains an instant style: pytorch/examples' TransformerNet (Johnson et al. 2016) learns to "
                + "repaint photos in the style of one painting; the result is a .safetensors file for 'apply'.")
final class TrainCommand implements Callable<Integer> {

    static final List<String> DARKNET_CONTENT = List.of("leaky_re_lu_4");
    static final List<String> DARKNET_STYLE = List.of("leaky_re_lu_1", "leaky_re_lu_2", "leaky_re_lu_4",
            "leaky_re_lu_8", "leaky_re_lu_12");

    @Option(names = "--style", paramLabel = "FILE", required = true, description = "The painting to learn.")
    Path style;

    @Option(names = "--images", paramLabel = "DIR|FILE[,FILE...]", required = true, split = ",",
            hideParamSyntax = true, description = "Photos to train on: a folder (searched recursively, files in name "
                    + "order) or a list of files. Files that are not images are skipped and counted.")
    List<Path> images;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "style.safetensors",
            description = "The trained network, safetensors with pytorch/examples' names (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--loss-network", paramLabel = "NAME|FILE", defaultValue = "vgg16-keras",
            description = "The network whose features define the loss: vgg16-keras (default) or another VGG model "
                    + "name, darknet-tiny, a VGG weights file (Keras .h5, .pth, .safetensors), or Darknet Tiny's "
                    + "TF.js folder or model.json.")
    String lossNetwork;

    @Option(names = "--mirror", paramLabel = "URL", description = "Download the loss network from this server.")
    String mirror;

    @Option(names = "--size", paramLabel = "N", defaultValue = "256",
            description = "Side of the square crops trained on; a multiple of 4, at least 16 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "4", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps (default: 1000).")
    Long steps;

    @Option(names = "--epochs", paramLabel = "E", description = "Passes over the images instead of --steps.")
    Double epochs;

    @Option(names = "--lr", paramLabel = "R", defaultValue = "1e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--content-weight", paramLabel = "W", defaultValue = "1e5", description = "(default: ${DEFAULT-VALUE})")
    double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W", defaultValue = "1e10", description = "(default: ${DEFAULT-VALUE})")
    double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "W", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
    double tvWeight;

    @Option(names = "--style-size", paramLabel = "N", description = "Longest side of the style image (default: --size).")
    Integer styleSize;

    @Option(names = "--content-layers", paramLabel = "L,...", split = ",", hideParamSyntax = true,
            description = "Content layers (default: block2_conv2 on VGG, leaky_re_lu_4 on Darknet Tiny).")
    List<String> contentLayers;

    @Option(names = "--style-layers", paramLabel = "L,...", split = ",", hideParamSyntax = true,
            description = "Style layers (default: block1_conv2,block2_conv2,block3_conv3,block4_conv3 on VGG; "
                    + "leaky_re_lu_1,2,4,8,12 on Darknet Tiny).")
    List<String> styleLayers;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seeds the starting network (without --init) and the random crops (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--crop", paramLabel = "random|center", defaultValue = "random",
            description = "Where each square is cut from the resized photo (default: ${DEFAULT-VALUE}).")
    String crop;

    @Mixin
    EngineSettings engine;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100",
            description = "Write OUTPUT's checkpoint (.checkpoint.safetensors beside it) every N steps; 0: never "
                    + "(default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the run this checkpoint was written by.")
    Path resume;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from this TransformerNet (.safetensors or .pth) instead of a random one.")
    Path init;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Every step's loss terms and seconds, as JSON.")
    Path report;

    @Option(names = "--preview", paramLabel = "PHOTO", description = "Also repaint this photo every --preview-every steps.")
    Path preview;

    @Option(names = "--preview-every", paramLabel = "N", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})")
    long previewEvery;

    @Option(names = "--preview-size", paramLabel = "N", defaultValue = "256",
            description = "Longest side of the previews (default: ${DEFAULT-VALUE}).")
    int previewSize;

    @Option(names = "--animation", paramLabel = "FILE.gif", description = "The previews as an animated GIF (needs --preview).")
    Path animation;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        TrainingRun.Options checked = options();
        engine.configure();
        engine.requireDevice();
        TrainProgress progress = new TrainProgress(System.err, System.console() != null, quiet);
        try (FeatureLossNetwork loss = lossNetwork()) {
            TrainingRun.Options o = checked.withLoss(lossSettings(loss));
            TrainingRun.Result result = TrainingRun.run(o, loss, progress);
            progress.finish(result);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        return 0;
    }

    private TrainingRun.Options options() {
        if (size < 16 || size % 4 != 0 || size > 4096) {
            throw new UsageException("--size must be a multiple of 4 from 16 to 4096 (the network halves each side "
                    + "twice and doubles it back), got " + size);
        }
        if (batch < 1 || batch > 1024) {
            throw new UsageException("--batch must be from 1 to 1024, got " + batch);
        }
        if (steps != null && epochs != null) {
            throw new UsageException("give --steps or --epochs, not both");
        }
        if ((steps != null && steps < 1) || (epochs != null && !(epochs > 0))) {
            throw new UsageException("--steps and --epochs must be positive");
        }
        if (checkpointEvery < 0 || previewEvery < 1 || previewSize < 16) {
            throw new UsageException("--checkpoint-every must be 0 or more, --preview-every positive, --preview-size "
                    + "at least 16");
        }
        if (styleSize != null && styleSize < 16) {
            throw new UsageException("--style-size must be at least 16, got " + styleSize);
        }
        if (animation != null && preview == null) {
            throw new UsageException("--animation needs --preview PHOTO (it animates the previews)");
        }
        engine.check();
        Crop cropMode;
        try {
            cropMode = Crop.valueOf(crop.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--crop must be random or center, got '" + crop + "'");
        }
        for (Path file : new Path[] {output, report, animation}) {
            if (file != null) {
                String problem = AtomicFile.whyNotWritable(file);
                if (problem != null) {
                    throw new UserException("cannot write " + file + ": " + problem);
                }
            }
        }
        if (!output.getFileName().toString().endsWith(".safetensors")) {
            throw new UsageException("--output must end in .safetensors, got " + output);
        }
        for (Path file : new Path[] {style, resume, init, preview}) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new UserException(file + ": " + (Files.exists(file) ? "is not a regular file" : "file does not exist"));
            }
        }
        return new TrainingRun.Options(style, images, output, size, batch, steps, epochs, learningRate, null,
                styleSize != null ? styleSize : size, seed, cropMode, checkpointEvery, resume, init, report, preview,
                previewEvery, previewSize, animation);
    }

    /** The weights and layers; layers default per family and are given in the network's own names. */
    private LossSettings lossSettings(FeatureLossNetwork loss) {
        boolean darknet = loss.network().family() == NetworkFamily.DARKNET_TINY;
        List<String> content = contentLayers != null ? contentLayers
                : darknet ? DARKNET_CONTENT : List.of("block2_conv2");
        List<String> style = styleLayers != null ? styleLayers
                : darknet ? DARKNET_STYLE : List.of("block1_conv2", "block2_conv2", "block3_conv3", "block4_conv3");
        try {
            return new LossSettings(content.stream().map(loss.network()::canonical).toList(),
                    style.stream().map(loss.network()::canonical).toList(), contentWeight, styleWeight, tvWeight);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The loss network: a file or folder (a VGG weights file, a TF.js model.json or its folder), or a model name. */
    private FeatureLossNetwork lossNetwork() {
        Path file = Path.of(lossNetwork);
        if (Files.isDirectory(file)) {
            file = file.resolve("model.json");
        }
        FeatureWeights weights;
        if (Files.exists(file)) {
            weights = WeightsSelection.load(file, null, mirror, NetworkFamily.VGG16, quiet);
        } else {
            weights = WeightsSelection.load(null, lossNetwork, mirror, NetworkFamily.VGG16, quiet, "--loss-network",
                    "--loss-network FILE");
        }
        return new FeatureLossNetwork(weights.family().id() + ":" + lossNetwork, weights, TensorEngine.newManager());
    }
}
