package dev.atelier.instant;

import java.awt.image.BufferedImage;

/**
 * A trained feed-forward ("instant") style network (Johnson et al. 2016): one forward pass repaints a photo.
 * Every family (Engstrom's deeplearn.js checkpoints, pytorch/examples' TransformerNet) is one of these; video,
 * batch, the web app and Spark use only this type.
 */
public interface StyleNetwork extends AutoCloseable {

    /** What the network is called (a catalogue name, or the file it was read from). */
    String name();

    /** Repaints an RGB photo; the result has the photo's exact width and height. */
    BufferedImage apply(BufferedImage photo);

    /** Frees the network's tensors. */
    @Override
    void close();
}
