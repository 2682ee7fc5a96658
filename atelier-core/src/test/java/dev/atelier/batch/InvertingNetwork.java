package dev.atelier.batch;

import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic stand-in for a trained network in the batch's own tests: inverts red, halves green. */
final class InvertingNetwork implements StyleNetwork {

    final AtomicInteger applied = new AtomicInteger();
    volatile boolean closed;

    @Override
    public String name() {
        return "invert";
    }

    @Override
    public BufferedImage apply(BufferedImage photo) {
        applied.incrementAndGet();
        return paint(photo);
    }

    static BufferedImage paint(BufferedImage photo) {
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int rgb = photo.getRGB(x, y);
                int r = 255 - (rgb >> 16 & 0xff);
                int g = (rgb >> 8 & 0xff) / 2;
                out.setRGB(x, y, r << 16 | g << 8 | rgb & 0xff);
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
