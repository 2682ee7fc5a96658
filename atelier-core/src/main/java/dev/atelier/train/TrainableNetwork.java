package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** A feed-forward network {@link Trainer} can train: named parameters and a differentiable forward pass. */
public interface TrainableNetwork {

    /** The architecture's name, recorded in files and checked when a run resumes. */
    String architecture();

    /** Every parameter's name (pytorch's state-dict name) and shape, in a fixed order. */
    Map<String, long[]> parameterShapes();

    /**
     * The network with copies of these parameter arrays (copied on their device, never through Java), each a fresh
     * leaf that collects its gradient (PyTorch accumulates gradients into a leaf that is reused).
     */
    Instance instance(Map<String, NDArray> values);

    /** One set of parameters on the device. */
    interface Instance extends AutoCloseable {

        /** The output for {@code x} ({@code B×3×H×W}, RGB 0..255); results attach to {@code x}'s manager. */
        NDArray forward(NDArray x);

        /** The parameter arrays by name, whose gradients a backward pass fills. */
        Map<String, NDArray> parameters();

        @Override
        void close();
    }
}
