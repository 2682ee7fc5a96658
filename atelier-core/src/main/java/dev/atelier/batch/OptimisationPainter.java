package dev.atelier.batch;

import ai.djl.ndarray.NDManager;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.StylizeJob;
import java.awt.image.BufferedImage;

/**
 * The optimisation path for a batch: the seed preset run on each picture against one style image, on one network
 * put on the device once. One picture at a time (autograd allows one gradient collector per JVM).
 */
public final class OptimisationPainter implements Painter {

    private final String styleName;
    private final BufferedImage style;
    private final int size;
    private final NDManager manager;
    private final FeatureNetwork network;

    public OptimisationPainter(String styleName, BufferedImage style, FeatureWeights weights, int size) {
        this.styleName = styleName;
        this.style = style;
        this.size = size;
        this.manager = TensorEngine.newManager();
        this.network = FeatureNetworks.upload(weights, manager);
    }

    @Override
    public String styleName() {
        return styleName;
    }

    @Override
    public BufferedImage paint(BufferedImage photo) {
        return new StylizeJob(network).run(JobSpec.seed(photo, style, size, 0), p -> true, () -> false).image();
    }

    @Override
    public int maxParallel() {
        return 1;
    }

    @Override
    public void close() {
        manager.close();
    }
}
