package dev.atelier.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffePreprocessing;
import dev.atelier.loss.TemporalLoss;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.transfer.Init;
import dev.atelier.transfer.Inputs;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.StyleInput;
import dev.atelier.transfer.StylizeJob;
import dev.atelier.transfer.Stylizer;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The optimisation path per frame, after Ruder et al. (2016): the first frame exactly as {@code stylize} paints it
 * (the recipe's start, e.g. noise); every later frame starts from the previous result warped to it by the optical
 * flow and adds their short-term temporal loss {@code weight · (1/D) Σ c ⊙ (x − ω)²} to the objective, ω that
 * warped result and c the flow's reliability. With weight 0 every frame is painted on its own, as stylize would.
 */
public final class OptimisingPainter implements FramePainter {

    private final FeatureNetwork network;
    private final BufferedImage style;
    private final Recipe recipe;
    private final JobSpec.InitChoice firstStart;
    private final double temporalWeight;
    private final String description;
    private final OpticalFlow flow = new OpticalFlow();
    private BufferedImage previousFrame;
    private int[] previousOutput;
    private long flowNanos;
    private long warpNanos;

    /**
     * @param network        the loss network, on the device (the caller's; not closed here)
     * @param firstStart     how the first frame (and, with weight 0, every frame) starts, as stylize's --init
     * @param temporalWeight Ruder et al.'s λ; 0 paints every frame independently
     * @param description    what a resumed run must match: the style, loss network and every option that changes
     *                       a frame
     */
    public OptimisingPainter(FeatureNetwork network, BufferedImage style, Recipe recipe, JobSpec.InitChoice firstStart,
            double temporalWeight, String description) {
        this.description = description;
        this.network = network.withPooling(recipe.resolvedPooling());
        this.style = style;
        this.recipe = recipe;
        this.firstStart = firstStart;
        this.temporalWeight = temporalWeight;
    }

    @Override
    public String name() {
        return "optimisation: " + description;
    }

    @Override
    public BufferedImage paint(BufferedImage frame) {
        BufferedImage out;
        if (previousFrame == null || temporalWeight == 0) {
            JobSpec spec = new JobSpec(frame, List.of(style), List.of(), List.of(), null, 0, List.of(), 1,
                    firstStart, JobSpec.ColorMode.NONE, recipe);
            out = new StylizeJob(network).run(spec, p -> true, () -> false).image();
        } else {
            out = continueFrom(frame);
        }
        remember(frame, out);
        return out;
    }

    private BufferedImage continueFrom(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        long t0 = System.nanoTime();
        FlowField forward = flow.between(previousFrame, frame);
        FlowField back = flow.between(frame, previousFrame);
        long t1 = System.nanoTime();
        float[] mask = Warping.reliability(forward, back);
        float[] warped = Warping.warp(previousOutput, back);
        BufferedImage warpedImage = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (clamp(warped[3 * i]) << 16) | (clamp(warped[3 * i + 1]) << 8) | clamp(warped[3 * i + 2]);
        }
        warpedImage.setRGB(0, 0, w, h, rgb, 0, w);
        flowNanos += t1 - t0;
        warpNanos += System.nanoTime() - t1;

        CaffeImage content = CaffePreprocessing.preprocess(frame);
        CaffeImage start = CaffePreprocessing.preprocess(warpedImage);
        StyleInput styleInput = StyleInput.of(Inputs.style(style, content, null));
        Stylizer.Result result = new Stylizer(network).run(content, List.of(styleInput), new Init.Image(start),
                recipe.lossSpec(network), recipe.resolvedSchedule(), p -> true, () -> false,
                manager -> List.of(new TemporalLoss(temporalWeight, nchw(manager, start), maskArray(manager, mask, h, w))));
        return CaffePreprocessing.deprocess(result.image());
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** {@code 1×3×H×W} from the preprocessed image's H×W×3 values. */
    private static NDArray nchw(NDManager manager, CaffeImage image) {
        int h = image.height();
        int w = image.width();
        float[] hwc = image.data();
        float[] out = new float[hwc.length];
        for (int i = 0; i < h * w; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * h * w + i] = hwc[3 * i + c];
            }
        }
        return manager.create(out, new Shape(1, 3, h, w));
    }

    private static NDArray maskArray(NDManager manager, float[] mask, int h, int w) {
        return manager.create(mask, new Shape(1, 1, h, w));
    }

    @Override
    public void remember(BufferedImage frame, BufferedImage output) {
        previousFrame = frame;
        previousOutput = output.getRGB(0, 0, output.getWidth(), output.getHeight(), null, 0, output.getWidth());
    }

    @Override
    public long flowNanos() {
        return flowNanos;
    }

    @Override
    public long warpNanos() {
        return warpNanos;
    }

    @Override
    public void close() {
        flow.close();
    }
}
