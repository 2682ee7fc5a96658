package dev.atelier.web;

import java.awt.image.BufferedImage;

/**
 * What a user asked to paint, checked and decoded.
 *
 * @param content    the photo, already no larger than the job needs
 * @param style      the painting, likewise
 * @param styleLabel the gallery name of the style, or "upload"
 * @param size       longest side of the output
 * @param strength   0..100, see {@link StrengthMapping}
 * @param instant    the instant style to paint with (then {@code style} is null), or null for a painting's style
 */
record JobRequest(BufferedImage content, BufferedImage style, String styleLabel, int size, double strength,
                  String instant) {

    JobRequest(BufferedImage content, BufferedImage style, String styleLabel, int size, double strength) {
        this(content, style, styleLabel, size, strength, null);
    }
}
