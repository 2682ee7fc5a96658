package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the cache is, how a mirror rewrites URLs, how checksums and half floats read. */
class WeightsLocationsTest {

    private static final URI KERAS = URI.create(
            "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");

    @Test
    void theCacheIsThePropertyThenAtelierHomeThenXdgThenHome() {
        Map<String, String> props = Map.of("atelier.home", "/p", "user.home", "/home/u");
        Map<String, String> env = Map.of("ATELIER_HOME", "/a", "XDG_CACHE_HOME", "/x");
        assertThat(CacheDirectory.resolve(props::get, env::get)).isEqualTo(Path.of("/p"));
        assertThat(CacheDirectory.resolve(Map.of("user.home", "/home/u")::get, env::get)).isEqualTo(Path.of("/a"));
        assertThat(CacheDirectory.resolve(Map.of("user.home", "/home/u")::get, Map.of("XDG_CACHE_HOME", "/x")::get))
                .isEqualTo(Path.of("/x/atelier"));
        assertThat(CacheDirectory.resolve(Map.of("user.home", "/home/u")::get, Map.of("ATELIER_HOME", " ")::get))
                .isEqualTo(Path.of("/home/u/.cache/atelier"));
    }

    @Test
    void aMirrorReplacesSchemeAndHostAndKeepsThePath() {
        assertThat(WeightsMirror.of("http://10.0.0.5:8080").apply(KERAS)).isEqualTo(URI.create(
                "http://10.0.0.5:8080/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"));
        assertThat(WeightsMirror.of("https://mirror.example/weights/").apply(KERAS).toString())
                .isEqualTo("https://mirror.example/weights/tensorflow/keras-applications/vgg16/"
                        + "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");
        assertThat(WeightsMirror.NONE.apply(KERAS)).isEqualTo(KERAS);
        assertThatThrownBy(() -> WeightsMirror.of("ftp://x/")).isInstanceOf(WeightsException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> WeightsMirror.of("not a url")).isInstanceOf(WeightsException.class);
    }

    @Test
    void theCacheKeepsThePublishedFileNames() {
        WeightsStore store = new WeightsStore(Path.of("/c"), WeightsMirror.NONE, DownloadSettings.defaults());
        KnownModel vgg16 = ModelCatalog.standard().require("vgg16-keras");
        assertThat(store.path(vgg16)).isEqualTo(Path.of("/c/weights/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"));
        assertThat(store.path(ModelCatalog.standard().require("vgg19-torchvision")))
                .isEqualTo(Path.of("/c/weights/vgg19-dcbb9e9d.pth"));
        assertThat(store.sources(vgg16)).hasSize(2);
        WeightsStore mirrored = new WeightsStore(Path.of("/c"), WeightsMirror.of("http://m"), DownloadSettings.defaults());
        assertThat(mirrored.sources(vgg16)).containsExactly(URI.create(
                "http://m/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"));
    }

    @Test
    void torchvisionChecksumsArePrefixesOfTheSha256() {
        Checksum c = ModelCatalog.standard().require("vgg16-torchvision").checksum();
        assertThat(c.prefixOnly()).isTrue();
        assertThat(c.matches("397923AF8e79cdbb6a7127f12361acd7a2f83e06b05044ddf496e83de57a5bf0")).isTrue();
        assertThat(c.matches("397923ae8e79cdbb6a7127f12361acd7a2f83e06b05044ddf496e83de57a5bf0")).isFalse();
        Checksum md5 = ModelCatalog.standard().require("vgg16-keras").checksum();
        assertThat(md5.matches("6d6bbae143d832006294945121d1f1fc")).isTrue();
        assertThat(md5.matches("6d6bbae143d832006294945121d1f1fc00")).isFalse();
    }

    @Test
    void unknownModelsAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ModelCatalog.standard().require("vgg11")).isInstanceOf(WeightsException.class)
                .hasMessage("unknown model 'vgg11'; known models are vgg16-keras, vgg19-keras, vgg16-torchvision, "
                        + "vgg19-torchvision and random");
    }

    @Test
    void decodesHalfAndBfloat16() {
        assertThat(ScalarType.halfToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(ScalarType.halfToFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(ScalarType.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(ScalarType.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(ScalarType.BF16.decode(new byte[] {(byte) 0x80, 0x3F}, 1)).containsExactly(1f);
    }

    @Test
    void randomWeightsHaveVgg16sChannelsAndComeFromTheSeededHeNormalSequence() {
        VggWeights w = RandomWeights.vgg16(0);
        assertThat(w.architecture()).isEqualTo(dev.atelier.network.VggArchitecture.VGG16);
        assertThat(w.layer("block1_conv1").outChannels()).isEqualTo(64);
        assertThat(w.layer("block5_conv3").outChannels()).isEqualTo(512);
        assertThat(w.inputConvention()).isEqualTo(InputConvention.CAFFE_BGR);
        java.util.Random expected = new java.util.Random(0);
        float[] first = w.layer("block1_conv1").kernel();
        for (int i = 0; i < 5; i++) {
            assertThat(first[i]).isEqualTo((float) (expected.nextGaussian() * Math.sqrt(2.0 / 27)));
        }
        assertThat(w.layer("block5_conv3").bias()).containsOnly(0f);
    }
}
