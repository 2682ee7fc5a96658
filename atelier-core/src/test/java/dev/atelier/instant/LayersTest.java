package dev.atelier.instant;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reflection pad against PyTorch's {@code F.pad(mode="reflect")}, values and gradient. */
class LayersTest {

    /*
     * From PyTorch 1.13 (/usr/bin/python3):
     *   x = torch.arange(12.).reshape(1,1,3,4).requires_grad_(); y = F.pad(x, (2,2,2,2), mode='reflect')
     *   (y * torch.arange(56.).reshape(1,1,7,8)).sum().backward(); y.flatten(), x.grad.flatten()
     */
    private static final float[] PADDED = {
        10, 9, 8, 9, 10, 11, 10, 9, 6, 5, 4, 5, 6, 7, 6, 5, 2, 1, 0, 1, 2, 3, 2, 1, 6, 5, 4, 5, 6, 7, 6, 5,
        10, 9, 8, 9, 10, 11, 10, 9, 6, 5, 4, 5, 6, 7, 6, 5, 2, 1, 0, 1, 2, 3, 2, 1};
    private static final float[] GRADIENT = {68, 214, 212, 74, 78, 249, 246, 87, 36, 118, 116, 42};

    @Test
    void reflectPadGivesPyTorchsValuesAndGradientEvenWhenTheJavaHeapIsCollectedBeforeTheBackwardPass()
            throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = manager.arange(12f).reshape(1, 1, 3, 4);
            x.setRequiresGradient(true);
            NDArray padded = Layers.reflectPad(x, 2);
            NDArray loss = padded.mul(manager.arange(56f).reshape(1, 1, 7, 8)).sum();
            churnTheJavaHeap();
            collector.backward(loss);
            assertThat(padded.getShape()).isEqualTo(new Shape(1, 1, 7, 8));
            assertThat(padded.toFloatArray()).containsExactly(PADDED);
            assertThat(x.getGradient().toFloatArray()).containsExactly(GRADIENT);
        }
    }

    @Test
    void eachImageAndChannelOfABatchIsPaddedOnItsOwn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = manager.randomNormal(new Shape(2, 3, 6, 5));
            NDArray padded = Layers.reflectPad(batch, 4);
            assertThat(padded.getShape()).isEqualTo(new Shape(2, 3, 14, 13));
            for (int n = 0; n < 2; n++) {
                for (int c = 0; c < 3; c++) {
                    NDArray alone = Layers.reflectPad(batch.get(new NDIndex("{}:{}, {}:{}", n, n + 1, c, c + 1)), 4);
                    assertThat(padded.get(new NDIndex("{}:{}, {}:{}", n, n + 1, c, c + 1)).toFloatArray())
                            .containsExactly(alone.toFloatArray());
                }
            }
        }
    }

    /**
     * Collections, then native buffers of all small sizes filled with 0x7f: memory that only a Java buffer kept is
     * freed and overwritten.
     */
    private static void churnTheJavaHeap() throws InterruptedException {
        List<ByteBuffer> filled = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            for (int size = 64; size <= 4096; size += 64) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(size);
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0x7f);
                }
                filled.add(buffer);
            }
        }
        assertThat(filled).isNotEmpty();
    }
}
