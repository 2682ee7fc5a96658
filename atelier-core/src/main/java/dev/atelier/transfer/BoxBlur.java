package dev.atelier.transfer;

/** A separable box blur of a single-channel image; two passes approximate a Gaussian. */
final class BoxBlur {

    private BoxBlur() {}

    static float[] twice(float[] image, int width, int height, int radius) {
        return blur(blur(image, width, height, radius), width, height, radius);
    }

    static float[] blur(float[] image, int width, int height, int radius) {
        float[] rows = new float[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int n = 0;
                for (int k = Math.max(0, x - radius); k <= Math.min(width - 1, x + radius); k++, n++) {
                    sum += image[y * width + k];
                }
                rows[y * width + x] = (float) (sum / n);
            }
        }
        float[] out = new float[image.length];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                double sum = 0;
                int n = 0;
                for (int k = Math.max(0, y - radius); k <= Math.min(height - 1, y + radius); k++, n++) {
                    sum += rows[k * width + x];
                }
                out[y * width + x] = (float) (sum / n);
            }
        }
        return out;
    }
}
