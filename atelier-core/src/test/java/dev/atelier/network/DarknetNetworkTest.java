package dev.atelier.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.SharedFiles;
import dev.atelier.loss.MaskPyramid;
import dev.atelier.weights.DarknetWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Darknet Tiny's layers, their sizes at odd sides, masks brought to them, and batches. */
class DarknetNetworkTest {

    @Test
    void layersAreTheFilesWithChannelsAndStridesAndOddSidesRoundUp() {
        try (NDManager m = NDManager.newBaseManager()) {
            DarknetNetwork net = new DarknetNetwork(DarknetWeights.read(SharedFiles.darknet()), m);
            assertThat(net.layer("leaky_re_lu_1")).isEqualTo(new FeatureLayer("leaky_re_lu_1", 16, 1));
            assertThat(net.layer("max_pooling2d_1")).isEqualTo(new FeatureLayer("max_pooling2d_1", 16, 2));
            assertThat(net.layer("conv2d_8")).isEqualTo(new FeatureLayer("conv2d_8", 256, 8));
            assertThat(net.layer("leaky_re_lu_12")).isEqualTo(new FeatureLayer("leaky_re_lu_12", 512, 16));
            assertThat(net.canonical("RELU8")).isEqualTo("leaky_re_lu_8");
            assertThat(net.minimumSide(Set.of("leaky_re_lu_15"))).isEqualTo(1);

            NDArray image = m.randomUniform(-100, 100, new Shape(1, 3, 75, 101));
            Map<String, NDArray> f = net.features(image, Set.of("max_pooling2d_1", "leaky_re_lu_12", "conv2d_16"));
            assertThat(f.get("max_pooling2d_1").getShape()).isEqualTo(new Shape(1, 16, 38, 51));
            assertThat(f.get("leaky_re_lu_12").getShape()).isEqualTo(new Shape(1, 512, 5, 7));
            assertThat(f.get("conv2d_16").getShape()).isEqualTo(new Shape(1, 1000, 5, 7));

            Map<String, Integer> pools = new LinkedHashMap<>();
            pools.put("max_pooling2d_1", net.layer("max_pooling2d_1").pools());
            pools.put("leaky_re_lu_12", net.layer("leaky_re_lu_12").pools());
            Map<String, NDArray> masks = MaskPyramid.forLayers(m.ones(new Shape(1, 1, 75, 101)), pools,
                    net.poolsRoundUp());
            assertThat(masks.get("max_pooling2d_1").getShape()).isEqualTo(new Shape(1, 1, 38, 51));
            assertThat(masks.get("leaky_re_lu_12").getShape()).isEqualTo(new Shape(1, 1, 5, 7));
        }
    }

    @Test
    void aBatchGivesEachImageItsOwnActivations() {
        try (NDManager m = NDManager.newBaseManager()) {
            DarknetNetwork net = new DarknetNetwork(DarknetWeights.read(SharedFiles.darknet()), m);
            NDArray a = m.randomUniform(-100, 100, new Shape(1, 3, 40, 52));
            NDArray b = m.randomUniform(-100, 100, new Shape(1, 3, 40, 52));
            Set<String> layers = Set.of("conv2d_3", "leaky_re_lu_8");
            Map<String, NDArray> batch = net.features(a.concat(b), layers);
            for (String layer : layers) {
                NDArray one = net.features(a, layers).get(layer);
                NDArray two = net.features(b, layers).get(layer);
                assertThat(batch.get(layer).getShape().get(0)).isEqualTo(2);
                assertThat(batch.get(layer).get(0).expandDims(0).sub(one).abs().max().getFloat())
                        .isLessThan(1e-4f * one.abs().max().getFloat());
                assertThat(batch.get(layer).get(1).expandDims(0).sub(two).abs().max().getFloat())
                        .isLessThan(1e-4f * two.abs().max().getFloat());
            }
        }
    }
}
