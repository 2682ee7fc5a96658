package dev.atelier.video;

import java.awt.image.BufferedImage;

/**
 * Keeps an instant style steady over time (after Ruder et al. 2018, "fast-artistic-videos", and its simpler
 * blending successors): each stylised frame is blended with the previous output, warped to the current frame by
 * the optical flow between the two input frames, wherever that flow is reliable:
 * {@code out = net + strength · c · (warp(prev_out) − net)}, c the forward–backward reliability mask.
 * Occluded and newly visible pixels (c = 0) take the network's picture as it is.
 */
public final class TemporalStabilizer implements AutoCloseable {

    private final double strength;
    private final OpticalFlow flow;
    private BufferedImage previousInput;
    private int[] previousOutput;
    private long flowNanos;
    private long blendNanos;

    /**
     * @param strength 0 (off) to 1 (the warped past wins wherever the flow is reliable)
     */
    public TemporalStabilizer(double strength, OpticalFlow flow) {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be between 0 and 1, got " + strength);
        }
        this.strength = strength;
        this.flow = flow;
    }

    /**
     * The stabilised picture for {@code input}, whose network output is {@code stylized}; remembers both for the
     * next frame. The first frame (and every frame at strength 0) is {@code stylized} itself.
     */
    public BufferedImage next(BufferedImage input, BufferedImage stylized) {
        BufferedImage out = stylized;
        if (previousInput != null && strength > 0) {
            long t0 = System.nanoTime();
            FlowField forward = flow.between(previousInput, input);
            FlowField back = flow.between(input, previousInput);
            long t1 = System.nanoTime();
            float[] mask = Warping.reliability(forward, back);
            float[] warped = Warping.warp(previousOutput, back);
            out = blend(stylized, warped, mask);
            blendNanos += System.nanoTime() - t1;
            flowNanos += t1 - t0;
        }
        remember(input, out);
        return out;
    }

    /** Continues after a frame made earlier (a resumed run): as if {@link #next} had returned {@code output}. */
    public void remember(BufferedImage input, BufferedImage output) {
        previousInput = input;
        previousOutput = output.getRGB(0, 0, output.getWidth(), output.getHeight(), null, 0, output.getWidth());
    }

    private BufferedImage blend(BufferedImage stylized, float[] warped, float[] mask) {
        int w = stylized.getWidth();
        int h = stylized.getHeight();
        int[] net = stylized.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[w * h];
        for (int i = 0; i < net.length; i++) {
            double a = strength * mask[i];
            int p = net[i];
            int r = mix((p >> 16) & 255, warped[3 * i], a);
            int g = mix((p >> 8) & 255, warped[3 * i + 1], a);
            int b = mix(p & 255, warped[3 * i + 2], a);
            out[i] = (r << 16) | (g << 8) | b;
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, out, 0, w);
        return image;
    }

    private static int mix(int net, float past, double a) {
        return (int) Math.max(0, Math.min(255, Math.round(net + a * (past - net))));
    }

    /** Time spent computing optical flow so far. */
    public long flowNanos() {
        return flowNanos;
    }

    /** Time spent on the reliability mask, warping and blending so far. */
    public long blendNanos() {
        return blendNanos;
    }

    @Override
    public void close() {
        flow.close();
    }
}
