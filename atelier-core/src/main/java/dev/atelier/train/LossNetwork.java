package dev.atelier.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A network whose activations define the training loss. It takes a batch of RGB 0..255 images ({@code B×3×H×W})
 * and converts them to its own input convention as its first, differentiable operation.
 */
public interface LossNetwork extends AutoCloseable {

    /** What it is, for the output file's metadata ({@code vgg16:FILE}, {@code darknet-tiny}, …). */
    String name();

    /** Its layer names, in forward order. */
    List<String> layers();

    /**
     * Runs the network as deep as the deepest wanted layer, handing each wanted layer's activation to
     * {@code onLayer} as soon as it is made. Results attach to the input's manager.
     */
    void forward(NDArray rgb255, Set<String> wanted, BiConsumer<String, NDArray> onLayer);

    @Override
    void close();
}
