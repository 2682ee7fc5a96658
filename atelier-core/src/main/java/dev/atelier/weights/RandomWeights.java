package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Untrained VGG16 weights with the real channel counts: He-normal kernels ({@code N(0, 2 / (9·in))}), zero biases,
 * from a seeded {@link Random} (whose Gaussian sequence Java specifies), so every run gets the same network. They
 * take Caffe-space input like the seed preset's weights. Useful offline and in tests; results show texture, not
 * style, since random filters know nothing of paintings.
 */
public final class RandomWeights {

    public static final String MODEL_NAME = "random";
    public static final long SEED = 0;
    private static final int[] VGG16_CHANNELS = {64, 128, 256, 512, 512};

    private RandomWeights() {}

    public static VggWeights vgg16(long seed) {
        Random random = new Random(seed);
        VggArchitecture architecture = VggArchitecture.VGG16;
        int[] convs = architecture.convsPerBlock();
        List<ConvWeights> layers = new ArrayList<>();
        int in = 3;
        for (int b = 0; b < convs.length; b++) {
            int out = VGG16_CHANNELS[b];
            for (int c = 1; c <= convs[b]; c++) {
                float[] kernel = new float[out * in * 9];
                double std = Math.sqrt(2.0 / (9 * in));
                for (int i = 0; i < kernel.length; i++) {
                    kernel[i] = (float) (random.nextGaussian() * std);
                }
                layers.add(new ConvWeights("block" + (b + 1) + "_conv" + c, out, in, 3, 3, kernel, new float[out]));
                in = out;
            }
        }
        return new VggWeights(architecture, layers, "random VGG16 weights (He-normal, seed " + seed + ")",
                InputConvention.CAFFE_BGR);
    }
}
