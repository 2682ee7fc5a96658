package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.HashMap;
import java.util.Map;

/** A region mask brought to the resolution of each layer: 2×2 average pooling once per pool before the layer. */
public final class MaskPyramid {

    private static final Shape TWO = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);

    private MaskPyramid() {}

    /**
     * @param mask     {@code 1×1×H×W}, values in 0..1, at the image's resolution
     * @param pools    per layer, the 2×2 pools the network makes before it
     * @param roundUp  whether the network's pools round odd sides up (Keras' 'same'), as the mask's then must
     */
    public static Map<String, NDArray> forLayers(NDArray mask, Map<String, Integer> pools, boolean roundUp) {
        Map<String, NDArray> out = new HashMap<>();
        for (Map.Entry<String, Integer> layer : pools.entrySet()) {
            NDArray m = mask;
            for (int i = 0; i < layer.getValue(); i++) {
                m = Pool.avgPool2d(m, TWO, TWO, NO_PAD, roundUp, true);
            }
            out.put(layer.getKey(), m);
        }
        return out;
    }
}
