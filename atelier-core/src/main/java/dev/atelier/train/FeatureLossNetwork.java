package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.network.FeatureLayer;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A feature network (VGG, Darknet Tiny) as a loss network: RGB 0..255 becomes Caffe space (BGR minus the ImageNet
 * mean), which every feature network takes and turns into its own convention as its first operation.
 */
public final class FeatureLossNetwork implements LossNetwork {

    private static final float[] MEAN_BGR = {103.939f, 116.779f, 123.68f};

    private final String name;
    private final NDManager manager;
    private final FeatureNetwork network;
    private final NDArray meanBgr;

    /** The network's tensors go to {@code manager}, which {@link #close} closes. */
    public FeatureLossNetwork(String name, FeatureWeights weights, NDManager manager) {
        this.name = name;
        this.manager = manager;
        this.network = FeatureNetworks.upload(weights, manager);
        this.meanBgr = manager.create(MEAN_BGR, new Shape(1, 3, 1, 1));
    }

    @Override
    public String name() {
        return name;
    }

    public FeatureNetwork network() {
        return network;
    }

    @Override
    public List<String> layers() {
        return network.layers().stream().map(FeatureLayer::name).toList();
    }

    @Override
    public void forward(NDArray rgb255, Set<String> wanted, BiConsumer<String, NDArray> onLayer) {
        network.forward(rgb255.flip(1).sub(meanBgr), wanted, onLayer);
    }

    @Override
    public void close() {
        manager.close();
    }
}
