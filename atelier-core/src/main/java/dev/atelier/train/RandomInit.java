package dev.atelier.train;

import dev.atelier.weights.FloatTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Starting parameters as PyTorch's default initialisation draws them (not its random numbers): a convolution's
 * weight and bias uniform in ±1/√fan_in (kaiming_uniform with a = √5), a normalisation's scale 1 and shift 0.
 */
public final class RandomInit {

    private RandomInit() {}

    public static Map<String, FloatTensor> of(Map<String, long[]> shapes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            float[] values = new float[(int) n];
            String owner = name.substring(0, name.lastIndexOf('.') + 1);
            long[] convWeight = shapes.get(owner + "weight");
            if (convWeight != null && convWeight.length == 4) {
                double bound = 1 / Math.sqrt(convWeight[1] * convWeight[2] * convWeight[3]);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextDouble(-bound, bound);
                }
            } else if (name.endsWith(".weight")) {
                java.util.Arrays.fill(values, 1f);
            }
            out.put(name, new FloatTensor(shape, values));
        });
        return out;
    }
}
