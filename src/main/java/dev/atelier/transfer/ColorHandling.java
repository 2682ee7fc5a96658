package dev.atelier.transfer;

import java.awt.image.BufferedImage;

/** The colour steps of a job (Gatys et al. 2016, "Preserving Color in Neural Artistic Style Transfer"). */
final class ColorHandling {

    private ColorHandling() {}

    static BufferedImage luminance(BufferedImage image) {
        throw new UnsupportedOperationException("not wired yet");
    }

    static BufferedImage matchLuminance(BufferedImage style, BufferedImage content) {
        throw new UnsupportedOperationException("not wired yet");
    }

    static BufferedImage recombine(BufferedImage stylized, BufferedImage content) {
        throw new UnsupportedOperationException("not wired yet");
    }

    static BufferedImage matchColors(BufferedImage style, BufferedImage content, JobSpec.ColorMatch mode) {
        throw new UnsupportedOperationException("not wired yet");
    }
}
