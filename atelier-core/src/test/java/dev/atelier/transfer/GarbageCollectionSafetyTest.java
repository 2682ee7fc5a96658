package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffeImageFiles;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggNetwork;
import dev.atelier.optimize.Objective;
import dev.atelier.weights.KerasH5Reader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The same point evaluated again and again gives the same loss and gradient while the Java heap is collected and
 * small native buffers are allocated all the time. A tensor the autograd graph keeps must not live in memory the
 * collector can free (DJL's scalar operands did: losses of a run then varied by up to 3× with GC timing).
 */
class GarbageCollectionSafetyTest {

    @Test
    void gradientsDoNotDependOnWhenTheCollectorRuns() throws Exception {
        int h = 48;
        int w = 64;
        CaffeImage content = CaffeImageFiles.load(SharedFiles.smallImage("tubingen-128x96.png"), h, w);
        CaffeImage style = CaffeImageFiles.load(SharedFiles.smallImage("starry_night-128x96.png"), h, w);
        AtomicBoolean done = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            List<ByteBuffer> kept = new ArrayList<>();
            while (!done.get()) {
                for (int i = 0; i < 64; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(4 + i % 8);
                    while (b.hasRemaining()) {
                        b.put((byte) 0x7f);
                    }
                    kept.add(b);
                }
                kept.clear();
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<double[]> results = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNetwork network = new VggNetwork(KerasH5Reader.read(SharedFiles.tinyWeights()), manager, Pooling.MAX);
            StyleTransferObjective objective =
                    ObjectiveBuilder.build(network, manager, LossSpec.seed(LossWeights.seed()), content, style);
            NDArray x = Tensors.fromHwc(manager, content.data(), h, w).add(Tensors.fromHwc(manager,
                    style.data(), h, w)).div(2).toType(DataType.FLOAT64, false).reshape(-1);
            churn.start();
            for (int i = 0; i < 40; i++) {
                Objective.Evaluation e = objective.evaluate(x);
                try (NDArray g = e.gradient().toType(DataType.FLOAT64, false)) {
                    results.add(new double[] {e.value(), g.square().sum().getDouble(), g.sum().getDouble()});
                }
                e.gradient().close();
            }
        } finally {
            done.set(true);
            churn.join();
        }
        for (double[] r : results) {
            assertThat(r).as("loss, |g|², Σg of every evaluation").containsExactly(results.get(0));
        }
    }
}
