package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.util.Arrays;
import java.util.List;

/** Checks that a list of convolutions forms a VGG feature stack and tells which one. */
final class VggStructure {

    private VggStructure() {}

    static VggArchitecture validate(List<ConvWeights> layers, String where) {
        if (layers.isEmpty()) {
            throw new WeightsException(where + " holds no convolution layers");
        }
        int[] perBlock = new int[5];
        int expectedIn = 3;
        int block = 1;
        int conv = 0;
        for (ConvWeights layer : layers) {
            String name = layer.name();
            String next = "block" + block + "_conv" + (conv + 1);
            String nextBlock = "block" + (block + 1) + "_conv1";
            if (name.equals(nextBlock) && conv > 0 && block < 5) {
                block++;
                conv = 0;
            } else if (!name.equals(next)) {
                throw new WeightsException(where + ": unexpected layer '" + name + "' after "
                        + (conv == 0 && block == 1 ? "the input" : "block" + block + "_conv" + conv) + " (expected '"
                        + next + "'" + (conv > 0 && block < 5 ? " or '" + nextBlock + "'" : "") + ")");
            }
            conv++;
            perBlock[block - 1] = conv;
            if (layer.kernelHeight() != 3 || layer.kernelWidth() != 3) {
                throw new WeightsException(where + ": layer '" + name + "' has a " + layer.kernelHeight() + "x"
                        + layer.kernelWidth() + " kernel, expected 3x3");
            }
            if (layer.inChannels() != expectedIn) {
                throw new WeightsException(where + ": layer '" + name + "' takes " + layer.inChannels()
                        + " input channels but the layer before gives " + expectedIn);
            }
            expectedIn = layer.outChannels();
        }
        for (VggArchitecture architecture : VggArchitecture.values()) {
            if (Arrays.equals(architecture.convsPerBlock(), perBlock)) {
                return architecture;
            }
        }
        throw new WeightsException(where + " is incomplete: convolutions per block " + Arrays.toString(perBlock)
                + " match neither VGG16 " + Arrays.toString(VggArchitecture.VGG16.convsPerBlock()) + " nor VGG19 "
                + Arrays.toString(VggArchitecture.VGG19.convsPerBlock()));
    }
}
