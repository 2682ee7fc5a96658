package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.SharedFiles;
import dev.atelier.weights.KerasH5Reader;
import org.junit.jupiter.api.Test;

/** Native memory is released every evaluation: resident memory stays flat over 100 evaluations at 256². */
class MemoryTest {

    @Test
    void residentMemoryStaysFlatOverAHundredEvaluations() {
        EvaluationBenchmark.Result r = EvaluationBenchmark.run(KerasH5Reader.read(SharedFiles.tinyWeights()), 256, 100, 1);
        // Without the per-evaluation scope this grows by ~20 MB per evaluation even with the tiny weights.
        assertThat(r.rssAtEndMb()).isCloseTo(r.rssAfterWarmUpMb(), within(r.rssAfterWarmUpMb() * 0.05));
    }
}
