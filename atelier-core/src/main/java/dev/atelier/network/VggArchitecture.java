package dev.atelier.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The VGG feature stacks: 3×3 convolutions with ReLU in five blocks, a 2×2 pool between blocks. */
public enum VggArchitecture {
    VGG16(2, 2, 3, 3, 3),
    VGG19(2, 2, 4, 4, 4);

    private final int[] convsPerBlock;

    VggArchitecture(int... convsPerBlock) {
        this.convsPerBlock = convsPerBlock;
    }

    public int[] convsPerBlock() {
        return convsPerBlock.clone();
    }

    /** Keras-style names of every convolution, in order: {@code block1_conv1, block1_conv2, …}. */
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < convsPerBlock.length; b++) {
            for (int c = 1; c <= convsPerBlock[b]; c++) {
                names.add("block" + (b + 1) + "_conv" + c);
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** Whether a pool follows this layer (the last convolution of blocks 1–4). */
    public boolean poolsAfter(String layer) {
        for (int b = 0; b < convsPerBlock.length - 1; b++) {
            if (layer.equals("block" + (b + 1) + "_conv" + convsPerBlock[b])) {
                return true;
            }
        }
        return false;
    }
}
