package dev.atelier.batch;

import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;

/** What a batch applies to every picture: a style network, or an optimisation run per picture. */
public interface Painter extends AutoCloseable {

    /** The style's name, as it appears in output names ({@code photo.jpg.wave.png}). */
    String styleName();

    /** Repaints one RGB picture. Called from {@link #maxParallel()} threads at most. */
    BufferedImage paint(BufferedImage photo);

    /** How many pictures may be painted at once (an optimisation run holds the JVM's one gradient collector). */
    default int maxParallel() {
        return Integer.MAX_VALUE;
    }

    @Override
    void close();

    /** A style network as a painter; its forward passes may run on several threads. */
    static Painter of(StyleNetwork network, String styleName) {
        return new Painter() {
            @Override
            public String styleName() {
                return styleName;
            }

            @Override
            public BufferedImage paint(BufferedImage photo) {
                return network.apply(photo);
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }
}
