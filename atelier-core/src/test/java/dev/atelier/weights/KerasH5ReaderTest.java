package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.SharedFiles;
import dev.atelier.network.VggArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasH5ReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheChannelsOverEightFixtureAsVgg16WithItsOwnChannelCounts() {
        VggWeights w = KerasH5Reader.read(SharedFiles.tinyWeights());
        assertThat(w.architecture()).isEqualTo(VggArchitecture.VGG16);
        assertThat(w.layers()).extracting(ConvWeights::name).containsExactlyElementsOf(VggArchitecture.VGG16.layerNames());
        assertThat(w.layer("block1_conv1").outChannels()).isEqualTo(8);
        assertThat(w.layer("block1_conv1").inChannels()).isEqualTo(3);
        assertThat(w.layer("block5_conv3").outChannels()).isEqualTo(64);
    }

    @Test
    void readsTheFullSizeFile() {
        VggWeights w = KerasH5Reader.read(SharedFiles.weights("vgg16-random-seed0-keras-layout.h5"));
        assertThat(w.layer("block1_conv1").outChannels()).isEqualTo(64);
        assertThat(w.layer("block5_conv3").outChannels()).isEqualTo(512);
    }

    @Test
    void tellsVgg19FromTheLayerNames() {
        VggWeights w = KerasH5Reader.read(fixture("vgg19-tiny-div16.h5"));
        assertThat(w.architecture()).isEqualTo(VggArchitecture.VGG19);
        assertThat(w.layers()).hasSize(16);
    }

    @Test
    void transposesKerasKernelsToOutInHeightWidthWithoutFlipping() {
        // kh=1, kw=2, in=2, out=3: value = 100*y + 10*x + i + 0.1*o at Keras index [y][x][i][o]
        float[] hwio = new float[12];
        for (int x = 0; x < 2; x++) {
            for (int i = 0; i < 2; i++) {
                for (int o = 0; o < 3; o++) {
                    hwio[(x * 2 + i) * 3 + o] = 10 * x + i + 0.1f * o;
                }
            }
        }
        float[] oihw = ConvWeights.fromKerasLayout(hwio, 1, 2, 2, 3);
        assertThat(oihw[((2 * 2 + 1) * 1 + 0) * 2 + 1]).isEqualTo(10 + 1 + 0.2f); // o=2, i=1, y=0, x=1
        assertThat(oihw[0]).isEqualTo(0f);
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> KerasH5Reader.read(tmp.resolve("nope.h5")))
                .isInstanceOf(WeightsException.class).hasMessageContaining("nope.h5").hasMessageContaining("does not exist");
    }

    @Test
    void rejectsATextFile() throws IOException {
        Path text = Files.writeString(tmp.resolve("weights.h5"), "this is not HDF5\n");
        assertThatThrownBy(() -> KerasH5Reader.read(text))
                .isInstanceOf(WeightsException.class).hasMessageContaining("weights.h5").hasMessageNotContaining("\n");
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(SharedFiles.tinyWeights());
        for (int length : new int[] {0, 100, 4096, whole.length / 2, whole.length - 1000}) {
            Path cut = tmp.resolve("cut-" + length + ".h5");
            Files.write(cut, java.util.Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> KerasH5Reader.read(cut)).as("truncated to %d bytes", length)
                    .isInstanceOf(WeightsException.class).hasMessageContaining(cut.getFileName().toString())
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void rejectsAFileWithMissingBlocks() {
        assertThatThrownBy(() -> KerasH5Reader.read(fixture("vgg16-incomplete-div16.h5")))
                .isInstanceOf(WeightsException.class).hasMessageContaining("incomplete");
    }

    @Test
    void rejectsLayersWhoseChannelsDoNotChain() {
        assertThatThrownBy(() -> KerasH5Reader.read(fixture("vgg16-broken-chain-div16.h5")))
                .isInstanceOf(WeightsException.class).hasMessageContaining("block2_conv1")
                .hasMessageContaining("input channels");
    }

    private static Path fixture(String name) {
        return SharedFiles.fixture(name);
    }
}
