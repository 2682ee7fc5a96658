package dev.atelier.image.color;

import dev.atelier.image.CaffePreprocessing;

import java.awt.image.BufferedImage;

/** Small images made in code for the colour tests. */
final class ColorTestImages {

    private ColorTestImages() {}

    @FunctionalInterface
    interface PixelFunction {
        int at(int x, int y);
    }

    /** A TYPE_INT_RGB image whose pixel (x, y) is {@code rgb(x, y)}. */
    static BufferedImage rgb(int width, int height, PixelFunction rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.at(x, y) & 0xFFFFFF);
            }
        }
        return image;
    }

    static int pack(double r, double g, double b) {
        return CaffePreprocessing.toByte(r) << 16 | CaffePreprocessing.toByte(g) << 8 | CaffePreprocessing.toByte(b);
    }

    /** A bluish "painting": smooth waves of moderate amplitude around a mid colour, channels partly correlated. */
    static BufferedImage style(int width, int height) {
        return rgb(width, height, (x, y) -> {
            double a = Math.sin(x * 0.7 + y * 0.3);
            double b = Math.cos(x * 0.2 - y * 0.9);
            double c = Math.sin(x * y * 0.05 + 1);
            return pack(90 + 30 * a + 10 * c, 110 + 20 * a + 25 * b, 160 + 15 * b - 20 * c);
        });
    }

    /** A warm "photo", different size and statistics from {@link #style}. */
    static BufferedImage content(int width, int height) {
        return rgb(width, height, (x, y) -> {
            double u = (double) x / width - 0.5;
            double v = (double) y / height - 0.5;
            double w = Math.sin(x * 0.45) * Math.cos(y * 0.35);
            return pack(150 + 60 * u + 20 * w, 120 + 40 * v - 15 * u, 90 + 25 * w + 30 * v);
        });
    }

    static BufferedImage flat(int width, int height, int rgb) {
        return rgb(width, height, (x, y) -> rgb);
    }

    /** YUV chroma (BT.601 analogue): U = 0.492 (B − Y), V = 0.877 (R − Y). */
    static double u(int rgb) {
        return 0.492 * ((rgb & 0xFF) - y(rgb));
    }

    static double v(int rgb) {
        return 0.877 * (((rgb >> 16) & 0xFF) - y(rgb));
    }

    static double y(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static double[] meanAndStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(sq / values.length)};
    }
}
