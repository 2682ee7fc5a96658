package dev.atelier.cli;

import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSaver;
import dev.atelier.image.ImageSize;
import dev.atelier.instant.Finish;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.StartupTimeline;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Repaints photos with a trained instant-style network: one forward pass each, in about a second.")
final class ApplyCommand implements Callable<Integer> {

    /** The default longest side: the photo's own, at most this. */
    static final int DEFAULT_MAX_SIDE = 1024;

    @Option(names = "--content", paramLabel = "FILE", required = true, arity = "1..*",
            description = "The photo(s) to repaint (JPEG, PNG, BMP, GIF); several share one loaded network.")
    List<Path> contents;

    @Option(names = "--model", paramLabel = "NAME",
            description = "An instant style from the catalogue (la_muse, rain_princess, scream, wave, mathura, udnie, wreck, "
                    + "matta, matilde_perez; see 'atelier weights list' for their licences), downloaded on first use.")
    String model;

    @Option(names = "--weights", paramLabel = "PATH",
            description = "A style network instead of a catalogue name: a deeplearn.js checkpoint folder (manifest.json "
                    + "and variable files, Engstrom's fast-style-transfer) or a pytorch/examples TransformerNet file "
                    + "(.pth, legacy or zip, or .safetensors).")
    Path weights;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the result for one photo; .png or .jpg/.jpeg (default: out.png).")
    Path output;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where to write the results for several photos, each as NAME.png after its photo.")
    Path outputDir;

    @Option(names = "--size", paramLabel = "N",
            description = "Longest side of the output in pixels, aspect kept (default: the photo's own, at most "
                    + DEFAULT_MAX_SIDE + ").")
    Integer size;

    @Option(names = "--strength", paramLabel = "0..100", defaultValue = "100",
            description = "100: the network's picture; 0: the photo; in between a pixel-wise linear blend "
                    + "(default: ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--preserve-colors", description = "Keep the photo's colours: the network's luminance only.")
    boolean preserveColors;

    @Mixin
    EngineSettings engine;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Download catalogue styles from this server instead of the published hosts (same paths).")
    String mirror;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        StartupTimeline.mark("command line parsed");
        checkOptions();
        List<Path> outputs = outputs();
        Path network = networkPath();
        engine.configure();
        org.slf4j.LoggerFactory.getILoggerFactory();
        CompletableFuture<StyleNetwork> loading = CompletableFuture.supplyAsync(() -> {
            TensorEngine.start();
            return StyleNetworks.open(network);
        }, task -> {
            Thread t = new Thread(task, "atelier-style-network");
            t.setDaemon(true);
            t.start();
        });
        BufferedImage first;
        try {
            first = photo(contents.get(0));
        } catch (RuntimeException e) {
            loading.thenAccept(StyleNetwork::close);
            throw e;
        }
        try (StyleNetwork net = EngineOptions.await(loading)) {
            StartupTimeline.mark("style network ready");
            for (int i = 0; i < contents.size(); i++) {
                BufferedImage photo = i == 0 ? first : photo(contents.get(i));
                long start = System.nanoTime();
                BufferedImage painted;
                try {
                    painted = net.apply(photo);
                } catch (IllegalArgumentException e) {
                    throw new UserException(contents.get(i) + ": " + e.getMessage()
                            + (size != null ? "; use a larger --size" : ""));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                ImageSaver.save(Finish.apply(painted, photo, strength, preserveColors), outputs.get(i));
                if (!quiet) {
                    System.err.printf(Locale.ROOT, "%s -> %s (%dx%d, %s, %.2f s)%n", contents.get(i), outputs.get(i),
                            photo.getWidth(), photo.getHeight(), net.name(), seconds);
                }
            }
        }
        return 0;
    }

    private void checkOptions() {
        if (size != null) {
            Sizes.checkSide("--size", size);
        }
        if (!(strength >= 0 && strength <= 100)) {
            throw new UsageException("--strength must be between 0 and 100, got " + strength);
        }
        engine.check();
        if (output != null && outputDir != null) {
            throw new UsageException("give --output (one photo) or --output-dir (several), not both");
        }
        if (contents.size() > 1 && output != null) {
            throw new UsageException(contents.size() + " photos need --output-dir DIR, not --output");
        }
    }

    private Path networkPath() {
        if (weights != null && model != null) {
            throw new UsageException("give --model NAME or --weights PATH, not both");
        }
        if (weights != null) {
            return weights;
        }
        if (model == null) {
            throw new UsageException("a style network is required: --model NAME or --weights PATH");
        }
        return InstantCatalog.resolve(model, mirror, quiet);
    }

    private List<Path> outputs() {
        List<Path> out = new ArrayList<>();
        if (outputDir == null) {
            out.add(output != null ? output : Path.of("out.png"));
        } else {
            try {
                Files.createDirectories(outputDir);
            } catch (java.io.IOException | RuntimeException e) {
                throw new UserException("cannot create --output-dir " + outputDir + ": " + e.getMessage());
            }
            Set<String> names = new HashSet<>();
            for (Path c : contents) {
                String base = c.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                String name = base + ".png";
                for (int k = 2; !names.add(name); k++) {
                    name = base + "-" + k + ".png";
                }
                out.add(outputDir.resolve(name));
            }
        }
        out.forEach(OutputPaths::checkWritable);
        return out;
    }

    /** The photo, upright, at the asked size. */
    private BufferedImage photo(Path file) {
        BufferedImage image = ImageLoader.read(file);
        int longest = Math.max(image.getWidth(), image.getHeight());
        int target = size != null ? size : Math.min(longest, DEFAULT_MAX_SIDE);
        if (target == longest) {
            return image;
        }
        ImageSize s = new ImageSize(image.getWidth(), image.getHeight()).withLongestSide(target);
        return ImageResizer.resize(image, s);
    }
}
