package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.network.VggArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same random weights in every published format read to identical convolutions. */
class WeightsFormatsTest {

    @TempDir
    Path tmp;

    static Stream<Path> otherFormats() {
        return Stream.of(WeightsFixtures.LEGACY_PTH, WeightsFixtures.LEGACY_2017_STYLE_PTH, WeightsFixtures.ZIP_PTH,
                WeightsFixtures.SAFETENSORS_TORCHVISION, WeightsFixtures.SAFETENSORS_KERAS);
    }

    @ParameterizedTest
    @MethodSource("otherFormats")
    void everyFormatGivesTheKerasFilesConvolutions(Path file) {
        VggWeights keras = WeightsFiles.read(WeightsFixtures.KERAS_H5);
        VggWeights other = WeightsFiles.read(file);
        assertThat(other.architecture()).isEqualTo(VggArchitecture.VGG16);
        assertSameConvolutions(other, keras);
    }

    @Test
    void tellsTheFormatFromTheContentNotTheName() throws IOException {
        assertThat(WeightsFormat.detect(WeightsFixtures.KERAS_H5)).isEqualTo(WeightsFormat.KERAS_HDF5);
        assertThat(WeightsFormat.detect(WeightsFixtures.LEGACY_PTH)).isEqualTo(WeightsFormat.PYTORCH_LEGACY);
        assertThat(WeightsFormat.detect(WeightsFixtures.ZIP_PTH)).isEqualTo(WeightsFormat.PYTORCH_ZIP);
        assertThat(WeightsFormat.detect(WeightsFixtures.SAFETENSORS_KERAS)).isEqualTo(WeightsFormat.SAFETENSORS);
        Path misnamed = Files.copy(WeightsFixtures.LEGACY_PTH, tmp.resolve("weights.h5"));
        assertSameConvolutions(WeightsFiles.read(misnamed), WeightsFiles.read(WeightsFixtures.KERAS_H5));
    }

    @Test
    void eachFamilyCarriesItsInputConvention() {
        assertThat(WeightsFiles.read(WeightsFixtures.KERAS_H5).inputConvention()).isEqualTo(InputConvention.CAFFE_BGR);
        assertThat(WeightsFiles.read(WeightsFixtures.LEGACY_PTH).inputConvention())
                .isEqualTo(InputConvention.TORCHVISION_RGB);
        assertThat(WeightsFiles.read(WeightsFixtures.ZIP_PTH).inputConvention())
                .isEqualTo(InputConvention.TORCHVISION_RGB);
        assertThat(WeightsFiles.read(WeightsFixtures.SAFETENSORS_TORCHVISION).inputConvention())
                .isEqualTo(InputConvention.TORCHVISION_RGB);
        assertThat(WeightsFiles.read(WeightsFixtures.SAFETENSORS_KERAS).inputConvention())
                .isEqualTo(InputConvention.CAFFE_BGR);
    }

    @Test
    void readsVgg19FromTorchvisionIndices() {
        VggWeights w = WeightsFiles.read(WeightsFixtures.VGG19_LEGACY_PTH);
        assertThat(w.architecture()).isEqualTo(VggArchitecture.VGG19);
        assertThat(w.layers()).extracting(ConvWeights::name).containsExactlyElementsOf(VggArchitecture.VGG19.layerNames());
    }

    @Test
    void mapsTorchvisionFeatureIndicesToKerasNames() {
        assertThat(VggStateDict.torchvisionIndices(VggArchitecture.VGG16).keySet())
                .containsExactly(0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28);
        assertThat(VggStateDict.torchvisionIndices(VggArchitecture.VGG19).keySet())
                .containsExactly(0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34);
        assertThat(VggStateDict.torchvisionIndices(VggArchitecture.VGG16).get(17)).isEqualTo("block4_conv1");
    }

    static void assertSameConvolutions(VggWeights actual, VggWeights expected) {
        List<ConvWeights> a = actual.layers();
        List<ConvWeights> e = expected.layers();
        assertThat(a).extracting(ConvWeights::name).containsExactlyElementsOf(e.stream().map(ConvWeights::name).toList());
        for (int i = 0; i < e.size(); i++) {
            ConvWeights x = a.get(i);
            ConvWeights y = e.get(i);
            assertThat(new int[] {x.outChannels(), x.inChannels(), x.kernelHeight(), x.kernelWidth()})
                    .as(y.name()).containsExactly(y.outChannels(), y.inChannels(), y.kernelHeight(), y.kernelWidth());
            assertThat(x.kernel()).as(y.name() + " kernel").containsExactly(y.kernel());
            assertThat(x.bias()).as(y.name() + " bias").containsExactly(y.bias());
        }
    }
}
