package dev.atelier.transfer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

final class TestImages {
    private TestImages() {}

    static float[] preprocessed(Path png) {
        try {
            BufferedImage img = ImageIO.read(png.toFile());
            int h = img.getHeight();
            int w = img.getWidth();
            float[] out = new float[h * w * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    int i = (y * w + x) * 3;
                    out[i] = (rgb & 0xff) - 103.939f;
                    out[i + 1] = ((rgb >> 8) & 0xff) - 116.779f;
                    out[i + 2] = ((rgb >> 16) & 0xff) - 123.68f;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] numpyNoise(int seed, int h, int w) {
        throw new UnsupportedOperationException("numpy noise not yet available");
    }
}
