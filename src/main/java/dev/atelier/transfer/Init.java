package dev.atelier.transfer;

import dev.atelier.image.CaffeImage;
import dev.atelier.image.NoiseInit;

/** Where the optimisation starts. */
public sealed interface Init {

    /** The starting image, preprocessed, H×W×3 float64 (the optimiser works in float64, like scipy). */
    double[] pixels(CaffeImage content, CaffeImage style);

    /**
     * The reference's noise: {@code np.random.default_rng(seed).uniform(0, 255, (1, H, W, 3)) − 128} in
     * preprocessed space, bit for bit.
     */
    record Noise(long seed) implements Init {
        @Override
        public double[] pixels(CaffeImage content, CaffeImage style) {
            return NoiseInit.doubles(seed, content.height(), content.width());
        }
    }

    /** The content image itself. */
    record Content() implements Init {
        @Override
        public double[] pixels(CaffeImage content, CaffeImage style) {
            return content.toDoubles();
        }
    }

    /** The style image (at the content's size). */
    record Style() implements Init {
        @Override
        public double[] pixels(CaffeImage content, CaffeImage style) {
            if (style.height() != content.height() || style.width() != content.width()) {
                throw new IllegalArgumentException("style init needs the style at the content's size");
            }
            return style.toDoubles();
        }
    }

    /** A given image, already at the content's size. */
    record Image(CaffeImage image) implements Init {
        @Override
        public double[] pixels(CaffeImage content, CaffeImage style) {
            if (image.height() != content.height() || image.width() != content.width()) {
                throw new IllegalArgumentException("init image must have the content's size");
            }
            return image.toDoubles();
        }
    }
}
