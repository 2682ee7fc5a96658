package dev.atelier.transfer;

import dev.atelier.image.color.ColorMatchMethod;
import dev.atelier.image.color.ColorMatching;
import dev.atelier.image.color.ColorPreservation;
import java.awt.image.BufferedImage;

/** The colour steps of a job (Gatys et al. 2016, "Preserving Color in Neural Artistic Style Transfer"). */
final class ColorHandling {

    private ColorHandling() {}

    static BufferedImage luminance(BufferedImage image) {
        return ColorPreservation.luminanceImage(image);
    }

    static BufferedImage matchLuminance(BufferedImage style, BufferedImage content) {
        return ColorPreservation.matchLuminance(style, content);
    }

    static BufferedImage recombine(BufferedImage stylized, BufferedImage content) {
        return ColorPreservation.recombine(stylized, content);
    }

    static BufferedImage matchColors(BufferedImage style, BufferedImage content, JobSpec.ColorMatch mode) {
        return ColorMatching.matchColors(style, content, ColorMatchMethod.valueOf(mode.name()));
    }
}
