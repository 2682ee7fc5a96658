package dev.atelier.instant;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;

/**
 * A trained feed-forward ("instant") style network (Johnson et al. 2016): one forward pass repaints a photo.
 * Every family (Engstrom's deeplearn.js checkpoints, pytorch/examples' TransformerNet) is one of these; video,
 * batch, the web app and Spark use only this type.
 *
 * <p>The networks Atelier opens ({@link StyleNetworks#open}) are safe to use from several threads at once: the
 * parameters are only read and every call works in its own tensors.
 */
public interface StyleNetwork extends AutoCloseable {

    /** What the network is called (a catalogue name, or the file it was read from). */
    String name();

    /** Repaints an RGB photo; the result has the photo's exact width and height. */
    BufferedImage apply(BufferedImage photo);

    /**
     * Repaints a batch of photos as tensors: {@code N×3×H×W} RGB 0..255 (float) in, the same shape out, clamped to
     * 0..255 but not rounded. The result attaches to {@code images}' manager. This default goes through
     * {@link #apply} one image at a time; the families built here run the batch as one forward pass.
     */
    default NDArray paint(NDArray images) {
        Shape s = images.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDManager m = images.getManager();
        float[] all = images.toFloatArray();
        int per = 3 * h * w;
        float[] out = new float[all.length];
        for (int i = 0; i < s.get(0); i++) {
            float[] one = java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per);
            float[] painted = StyleImages.toPlanar(apply(StyleImages.fromPlanar(one, w, h)));
            System.arraycopy(painted, 0, out, i * per, per);
        }
        return m.create(out, s);
    }

    /** Where the network's tensors live (inputs to {@link #paint} should be on it). */
    default Device device() {
        return Device.cpu();
    }

    /** Frees the network's tensors. */
    @Override
    void close();
}
