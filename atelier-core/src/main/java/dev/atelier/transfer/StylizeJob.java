package dev.atelier.transfer;

import ai.djl.ndarray.NDManager;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSize;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.Pooling;
import dev.atelier.network.TensorEngine;
import dev.atelier.optimize.StopReason;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A whole stylization from decoded images to the output picture: colour handling, sizes, masks, the start image,
 * and coarse-to-fine passes, each one a {@link Stylizer} run. Progress from every pass reaches one listener, with
 * iterations and evaluations counted over the whole job.
 */
public final class StylizeJob {

    /** The output picture, and how the last pass ended. */
    public record Result(BufferedImage image, LossValues loss, int evaluations, double seconds, StopReason stopReason) {

        public boolean cancelled() {
            return stopReason == StopReason.STOPPED_BY_LISTENER;
        }
    }

    private final FeatureWeights weights;
    private final FeatureNetwork network;

    /** A job that puts the weights on the device for each run (once for all its passes). */
    public StylizeJob(FeatureWeights weights) {
        this.weights = weights;
        this.network = null;
    }

    /** A job on a network already on the device, which must outlive the job's runs. */
    public StylizeJob(FeatureNetwork network) {
        this.weights = null;
        this.network = network;
    }

    /** The longest sides of the passes, coarse to fine; the last is the output's. */
    public static List<Integer> passes(JobSpec spec) {
        int last = spec.size() > 0 ? spec.size() : Math.max(spec.content().getWidth(), spec.content().getHeight());
        List<Integer> out = new ArrayList<>();
        spec.scales().stream().filter(s -> s < last).sorted().distinct().forEach(out::add);
        out.add(last);
        return out;
    }

    /** The size of the output picture. */
    public static ImageSize outputSize(JobSpec spec) {
        List<Integer> p = passes(spec);
        return new ImageSize(spec.content().getWidth(), spec.content().getHeight()).withLongestSide(p.get(p.size() - 1));
    }

    public Result run(JobSpec spec, ProgressListener listener, BooleanSupplier cancelRequested) {
        Pooling pooling = spec.recipe().resolvedPooling();
        if (network != null) {
            return run(network.withPooling(pooling), spec, listener, cancelRequested);
        }
        try (NDManager device = TensorEngine.newManager()) {
            FeatureNetwork uploaded = FeatureNetworks.upload(weights, device).withPooling(pooling);
            StartupTimeline.mark("network on the device");
            return run(uploaded, spec, listener, cancelRequested);
        }
    }

    private static Result run(FeatureNetwork network, JobSpec spec, ProgressListener listener,
                              BooleanSupplier cancelRequested) {
        BufferedImage content = spec.content();
        List<BufferedImage> styles = spec.styles();
        if (spec.colors().matchColors() != JobSpec.ColorMatch.NONE) {
            styles = styles.stream().map(s -> ColorHandling.matchColors(s, content, spec.colors().matchColors()))
                    .toList();
        }
        BufferedImage networkContent = content;
        if (spec.colors().preserveColors()) {
            networkContent = ColorHandling.luminance(content);
            BufferedImage contentLuminance = networkContent;
            styles = styles.stream().map(s -> ColorHandling.matchLuminance(ColorHandling.luminance(s),
                    contentLuminance)).toList();
        }
        LossSpec loss = spec.recipe().lossSpec(network);
        Stylizer stylizer = new Stylizer(network);
        Schedule last = spec.recipe().resolvedSchedule();
        List<Integer> passes = passes(spec);
        checkSizes(network, loss, content, passes);
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            schedules.add(i == passes.size() - 1 ? last : new Schedule(spec.scaleIterations(),
                    last.evaluationsPerIteration(), last.restartEachIteration(), last.history(), last.optimizer(),
                    last.learningRate()));
        }
        JobProgress progress = new JobProgress(listener, schedules, passes);
        long start = System.nanoTime();
        Stylizer.Result result = null;
        for (int i = 0; i < passes.size(); i++) {
            CaffeImage passContent = Inputs.content(networkContent, passes.get(i));
            StartupTimeline.mark("content resized and preprocessed");
            List<StyleInput> inputs = styleInputs(spec, styles, passContent);
            StartupTimeline.mark("styles resized and preprocessed");
            Init init = i == 0 ? firstInit(spec, styles, passContent)
                    : new Init.Image(Inputs.atSizeOf(CaffePreprocessing.deprocess(result.image()), passContent));
            progress.startPass(i);
            result = stylizer.run(passContent, inputs, init, loss, schedules.get(i), progress, cancelRequested);
            if (result.cancelled()) {
                break;
            }
        }
        BufferedImage out = CaffePreprocessing.deprocess(result.image());
        if (spec.colors().preserveColors()) {
            out = ColorHandling.recombine(out, ImageResizer.resize(content, out.getWidth(), out.getHeight()));
        }
        return new Result(out, result.loss(), progress.evaluations(), (System.nanoTime() - start) / 1e9,
                result.stopReason());
    }

    /** As the run checks them: an {@link IllegalArgumentException} if a pass is too small for the network. */
    public static void checkSizes(FeatureNetwork network, JobSpec spec) {
        checkSizes(network, spec.recipe().lossSpec(network), spec.content(), passes(spec));
    }

    /**
     * Every pass's shorter side must reach the deepest layer the loss reads with at least one pixel; else one line
     * naming the smallest longest side that works for this picture's shape.
     */
    static void checkSizes(FeatureNetwork network, LossSpec loss, BufferedImage content, List<Integer> passes) {
        java.util.Set<String> layers = new java.util.HashSet<>(loss.contentLayers().keySet());
        layers.addAll(loss.styleLayers().keySet());
        int minimum = network.minimumSide(layers);
        ImageSize original = new ImageSize(content.getWidth(), content.getHeight());
        for (int side : passes) {
            ImageSize size = original.withLongestSide(side);
            if (Math.min(size.width(), size.height()) < minimum) {
                int enough = side;
                while (enough < 1 << 20) {
                    ImageSize s = original.withLongestSide(enough);
                    if (Math.min(s.width(), s.height()) >= minimum) {
                        break;
                    }
                    enough++;
                }
                throw new IllegalArgumentException("size " + side + " is too small for " + network.family()
                        + ": its layers need a shorter side of at least " + minimum + " pixels, and this picture's "
                        + "would be " + Math.min(size.width(), size.height()) + "; the smallest size that works for it is "
                        + enough);
            }
        }
    }

    private static List<StyleInput> styleInputs(JobSpec spec, List<BufferedImage> styles, CaffeImage content) {
        List<StyleInput> inputs = new ArrayList<>();
        for (int s = 0; s < styles.size(); s++) {
            double weight = spec.blendWeights().isEmpty() ? 1.0 : spec.blendWeights().get(s);
            float[] mask = null;
            if (!spec.masks().isEmpty() && spec.masks().get(s) != JobSpec.NO_MASK) {
                mask = Inputs.mask(spec.masks().get(s), content);
            }
            inputs.add(new StyleInput(Inputs.style(styles.get(s), content, spec.styleScale()), weight, mask));
        }
        return inputs;
    }

    private static Init firstInit(JobSpec spec, List<BufferedImage> styles, CaffeImage content) {
        JobSpec.InitChoice c = spec.init();
        return switch (c.kind()) {
            case RANDOM -> new Init.Noise(c.seed());
            case CONTENT -> c.noise() > 0 ? new Init.NoisyContent(c.seed(), c.noise()) : new Init.Content();
            case STYLE -> new Init.Image(Inputs.atSizeOf(styles.get(0), content));
            case IMAGE -> new Init.Image(Inputs.atSizeOf(c.image(), content));
        };
    }

    /** Renumbers each pass's progress so that iterations and evaluations run over the whole job. */
    private static final class JobProgress implements ProgressListener {
        private final ProgressListener listener;
        private final List<Schedule> schedules;
        private final List<Integer> sides;
        private int pass;
        private final int iterations;
        private final int budget;
        private int iterationOffset;
        private int evaluationOffset;
        private double secondsOffset;
        private Progress last;

        JobProgress(ProgressListener listener, List<Schedule> schedules, List<Integer> sides) {
            this.listener = listener;
            this.schedules = schedules;
            this.sides = sides;
            this.iterations = schedules.stream().mapToInt(Schedule::iterations).sum();
            this.budget = schedules.stream().mapToInt(Schedule::budget).sum();
        }

        void startPass(int pass) {
            this.pass = pass;
            if (last != null) {
                evaluationOffset += last.evaluations();
                secondsOffset += last.seconds();
                last = null;
            }
            iterationOffset = 0;
            for (int i = 0; i < pass; i++) {
                iterationOffset += schedules.get(i).iterations();
            }
        }

        int evaluations() {
            return evaluationOffset + (last == null ? 0 : last.evaluations());
        }

        @Override
        public boolean onProgress(Progress p) {
            last = p;
            return listener.onProgress(new Progress(iterationOffset + p.iteration(), iterations, p.step(),
                    evaluationOffset + p.evaluations(), budget, p.loss(), secondsOffset + p.seconds(),
                    p.iterationEnd(), p.height(), p.width(), remainingSeconds(p), p.image()));
        }

        /** The pace of this pass carried over the passes to come, an evaluation costing in proportion to pixels. */
        private double remainingSeconds(Progress p) {
            if (p.evaluations() == 0) {
                return Double.NaN;
            }
            double perPixelEvaluation = p.seconds() / p.evaluations() / pixels(pass);
            double work = Math.max(0, schedules.get(pass).budget() - p.evaluations()) * pixels(pass);
            for (int i = pass + 1; i < sides.size(); i++) {
                work += schedules.get(i).budget() * pixels(i);
            }
            return work * perPixelEvaluation;
        }

        private double pixels(int i) {
            return (double) sides.get(i) * sides.get(i);
        }
    }
}
