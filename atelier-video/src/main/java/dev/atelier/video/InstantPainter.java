package dev.atelier.video;

import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;

/** An instant style network, each frame blended with the warped previous output by a {@link TemporalStabilizer}. */
public final class InstantPainter implements FramePainter {

    private final StyleNetwork network;
    private final TemporalStabilizer stabilizer;

    /** @param strength 0 for no stabilisation (each frame is {@code network.apply(frame)}) */
    public InstantPainter(StyleNetwork network, double strength) {
        this.network = network;
        this.stabilizer = strength > 0 ? new TemporalStabilizer(strength, new OpticalFlow()) : null;
    }

    @Override
    public String name() {
        return network.name();
    }

    @Override
    public BufferedImage paint(BufferedImage frame) {
        BufferedImage styled = network.apply(frame);
        return stabilizer == null ? styled : stabilizer.next(frame, styled);
    }

    @Override
    public void remember(BufferedImage frame, BufferedImage output) {
        if (stabilizer != null) {
            stabilizer.remember(frame, output);
        }
    }

    @Override
    public long flowNanos() {
        return stabilizer == null ? 0 : stabilizer.flowNanos();
    }

    @Override
    public long warpNanos() {
        return stabilizer == null ? 0 : stabilizer.blendNanos();
    }

    @Override
    public void close() {
        try {
            if (stabilizer != null) {
                stabilizer.close();
            }
        } finally {
            network.close();
        }
    }
}
