package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A region mask brought to the resolution of each layer: 2×2 average pooling once per pool before the layer. */
public final class MaskPyramid {

    private static final Shape TWO = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);

    private MaskPyramid() {}

    /**
     * @param mask   {@code 1×1×H×W}, values in 0..1, at the image's resolution
     * @param layers canonical names {@code blockB_convC}; block B sits after B−1 pools
     */
    public static Map<String, NDArray> forLayers(NDArray mask, Set<String> layers) {
        Map<String, NDArray> out = new HashMap<>();
        for (String layer : layers) {
            int block = Integer.parseInt(layer.substring("block".length(), layer.indexOf('_')));
            NDArray m = mask;
            for (int i = 1; i < block; i++) {
                m = Pool.avgPool2d(m, TWO, TWO, NO_PAD, false, true);
            }
            out.put(layer, m);
        }
        return out;
    }
}
