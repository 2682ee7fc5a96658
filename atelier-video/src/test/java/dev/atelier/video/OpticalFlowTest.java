package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class OpticalFlowTest {

    private static final int W = 96;
    private static final int H = 64;
    private static final int STEP = 3;

    @Test
    void findsThePanAndMarksTheEnteringEdgeUnreliable() {
        BufferedImage photo = TestClips.photo(W + STEP, H);
        BufferedImage previous = TestClips.panFrame(photo, W, H, STEP, 0);
        BufferedImage current = TestClips.panFrame(photo, W, H, STEP, 1);
        try (OpticalFlow flow = new OpticalFlow()) {
            FlowField forward = flow.between(previous, current);
            FlowField back = flow.between(current, previous);
            float[] mask = Warping.reliability(forward, back);
            double sumU = 0;
            double sumV = 0;
            int n = 0;
            int reliable = 0;
            for (int y = 8; y < H - 8; y++) {
                for (int x = 8; x < W - 8 - STEP; x++) {
                    int i = y * W + x;
                    sumU += back.u()[i];
                    sumV += back.v()[i];
                    n++;
                    reliable += (int) mask[i];
                }
            }
            // the view moves right, so content moves left: a pixel of this frame was STEP further right before
            assertThat(sumU / n).isCloseTo(STEP, within(0.25));
            assertThat(sumV / n).isCloseTo(0, within(0.25));
            assertThat((double) reliable / n).isGreaterThan(0.9);
            for (int y = 0; y < H; y++) {
                for (int x = W - STEP + 1; x < W; x++) {
                    assertThat(mask[y * W + x]).as("entering pixel (%d, %d)", x, y).isZero();
                }
            }
        }
    }

    @Test
    void warpingTheTrueShiftRebuildsTheFrame() {
        BufferedImage photo = TestClips.photo(W + STEP, H);
        BufferedImage previous = TestClips.panFrame(photo, W, H, STEP, 0);
        BufferedImage current = TestClips.panFrame(photo, W, H, STEP, 1);
        WarpingError e = new WarpingError();
        e.add(previous, null, null);
        e.add(current, FlowField.uniform(W, H, STEP, 0), null);
        assertThat(e.value()).isLessThan(1e-9);
        WarpingError wrong = new WarpingError();
        wrong.add(previous, null, null);
        wrong.add(current, FlowField.uniform(W, H, 0, 0), null);
        assertThat(wrong.value()).isGreaterThan(5);
    }
}
