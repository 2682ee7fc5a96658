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
 * flow where it is reliable (the frame itself elsewhere) and adds their short-term temporal loss {@code weight · (1/D) Σ c ⊙ (x − ω)²} to the objective, ω that
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
    private final TemporalStabilizer blender;
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
        this(network, style, recipe, firstStart, temporalWeight, 0, description);
    }

    /**
     * @param blendStrength with weight 0 and a strength above 0: every frame painted on its own, then blended with the
     *                      warped previous output where the flow is reliable, as the instant path does
     *                      ({@link TemporalStabilizer}); 0 for none
     */
    public OptimisingPainter(FeatureNetwork network, BufferedImage style, Recipe recipe, JobSpec.InitChoice firstStart,
            double temporalWeight, double blendStrength, String description) {
        this.blender = temporalWeight == 0 && blendStrength > 0 ? new TemporalStabilizer(blendStrength, new OpticalFlow())
                : null;
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
        if (blender != null) {
            out = blender.next(frame, out);
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
        // The start: the warped previous result where the flow is reliable, the frame itself where it is not (newly
        // visible or occluded pixels), so those do not begin as smeared paint; measured closer to the independent
        // painting at the same flicker (README, video section).
        BufferedImage startImage;
        {
            int[] f = frame.getRGB(0, 0, w, h, null, 0, w);
            int[] s = new int[w * h];
            for (int i = 0; i < s.length; i++) {
                float c = mask[i];
                int r = clamp(c * warped[3 * i] + (1 - c) * ((f[i] >> 16) & 255));
                int g = clamp(c * warped[3 * i + 1] + (1 - c) * ((f[i] >> 8) & 255));
                int b = clamp(c * warped[3 * i + 2] + (1 - c) * (f[i] & 255));
                s[i] = (r << 16) | (g << 8) | b;
            }
            startImage = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            startImage.setRGB(0, 0, w, h, s, 0, w);
        }
        flowNanos += t1 - t0;
        warpNanos += System.nanoTime() - t1;

        CaffeImage content = CaffePreprocessing.preprocess(frame);
        CaffeImage omega = CaffePreprocessing.preprocess(warpedImage);
        CaffeImage start = CaffePreprocessing.preprocess(startImage);
        StyleInput styleInput = StyleInput.of(Inputs.style(style, content, null));
        Stylizer.Result result = new Stylizer(network).run(content, List.of(styleInput), new Init.Image(start),
                recipe.lossSpec(network), recipe.resolvedSchedule(), p -> true, () -> false,
                manager -> List.of(new TemporalLoss(temporalWeight, nchw(manager, omega), maskArray(manager, mask, h, w))));
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
        if (blender != null) {
            blender.remember(frame, output);
        }
        previousFrame = frame;
        previousOutput = output.getRGB(0, 0, output.getWidth(), output.getHeight(), null, 0, output.getWidth());
    }

    @Override
    public long flowNanos() {
        return flowNanos + (blender == null ? 0 : blender.flowNanos());
    }

    @Override
    public long warpNanos() {
        return warpNanos + (blender == null ? 0 : blender.blendNanos());
    }

    @Override
    public void close() {
        flow.close();
        if (blender != null) {
            blender.close();
        }
    }
}
