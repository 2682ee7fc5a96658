package dev.atelier.transfer;

import dev.atelier.image.CaffeImage;
import dev.atelier.image.NoiseInit;

/** Where the optimisation starts. */
public sealed interface Init {

    /** The starting image for {@code content}, preprocessed, H×W×3 float64 (the optimiser works in float64). */
    double[] pixels(CaffeImage content);

    /**
     * The reference's noise: {@code np.random.default_rng(seed).uniform(0, 255, (1, H, W, 3)) − 128} in
     * preprocessed space, bit for bit.
     */
    record Noise(long seed) implements Init {
        @Override
        public double[] pixels(CaffeImage content) {
            return NoiseInit.doubles(seed, content.height(), content.width());
        }
    }

    /** The content image itself. */
    record Content() implements Init {
        @Override
        public double[] pixels(CaffeImage content) {
            return content.toDoubles();
        }
    }

    /** {@code (1 − fraction) · content + fraction · noise}: the content with some of the reference's noise. */
    record NoisyContent(long seed, double fraction) implements Init {
        public NoisyContent {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("the noise fraction must be between 0 and 1, got " + fraction);
            }
        }

        @Override
        public double[] pixels(CaffeImage content) {
            double[] x = content.toDoubles();
            double[] noise = NoiseInit.doubles(seed, content.height(), content.width());
            for (int i = 0; i < x.length; i++) {
                x[i] = (1 - fraction) * x[i] + fraction * noise[i];
            }
            return x;
        }
    }

    /** A given image (the style, a file, a previous scale's result) already at the content's size. */
    record Image(CaffeImage image) implements Init {
        @Override
        public double[] pixels(CaffeImage content) {
            if (image.height() != content.height() || image.width() != content.width()) {
                throw new IllegalArgumentException("the start image is " + image.width() + "x" + image.height()
                        + " but the output is " + content.width() + "x" + content.height());
            }
            return image.toDoubles();
        }
    }
}
