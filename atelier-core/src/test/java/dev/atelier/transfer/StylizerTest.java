package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffeImageFiles;
import dev.atelier.network.Pooling;
import dev.atelier.optimize.StopReason;
import dev.atelier.weights.KerasH5Reader;
import dev.atelier.weights.VggWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StylizerTest {

    static VggWeights weights;
    static CaffeImage content;
    static CaffeImage style;

    @BeforeAll
    static void load() {
        weights = KerasH5Reader.read(SharedFiles.tinyWeights());
        content = CaffeImageFiles.load(SharedFiles.smallImage("golden_gate-64x64.png"), 64, 64);
        style = CaffeImageFiles.load(SharedFiles.smallImage("the_scream-64x64.png"), 64, 64);
    }

    private Stylizer stylizer() {
        return new Stylizer(weights, Pooling.MAX);
    }

    @Test
    void seedScheduleReportsEveryOuterIterationAndLowersTheLoss() {
        List<Progress> ends = new ArrayList<>();
        Stylizer.Result r = stylizer().run(content, style, new Init.Noise(0), LossSpec.seed(LossWeights.seed()),
                new Schedule(3, 10, true, 10), ProgressListener.of(p -> {
                    if (p.iterationEnd()) {
                        ends.add(p);
                    }
                }));
        assertThat(ends).extracting(Progress::iteration).containsExactly(1, 2, 3);
        assertThat(ends.get(2).loss().total()).isLessThan(ends.get(0).loss().total());
        // scipy's rule: the limit is checked only when a step is accepted, so a round may overrun by a line search.
        assertThat(r.evaluations()).isBetween(30, 45);
        assertThat(r.loss().total()).isEqualTo(ends.get(2).loss().total());
        assertThat(r.loss().content() + r.loss().style() + r.loss().tv())
                .isCloseTo(r.loss().total(), org.assertj.core.api.Assertions.within(r.loss().total() * 1e-5));
        assertThat(r.image().height()).isEqualTo(64);
        assertThat(r.stopReason()).isEqualTo(StopReason.EVALUATION_LIMIT);
    }

    @Test
    void continuousRunReportsAtTheSameEvaluationCountsWithoutRestarting() {
        List<Progress> ends = new ArrayList<>();
        stylizer().run(content, style, new Init.Noise(0), LossSpec.seed(LossWeights.seed()),
                new Schedule(3, 10, false, 10), ProgressListener.of(p -> {
                    if (p.iterationEnd()) {
                        ends.add(p);
                    }
                }));
        RunReport report = new RunReport();
        ends.forEach(report);
        assertThat(report.history()).extracting(RunReport.Entry::iteration).containsExactly(1, 2, 3);
        assertThat(report.history().get(0).evaluations()).isBetween(10, 14);
    }

    @Test
    void aListenerThatReturnsFalseStopsTheRun() {
        AtomicInteger steps = new AtomicInteger();
        Stylizer.Result r = stylizer().run(content, style, new Init.Content(), LossSpec.seed(LossWeights.seed()),
                Schedule.seed(), p -> steps.incrementAndGet() < 3);
        assertThat(r.cancelled()).isTrue();
        assertThat(steps.get()).isEqualTo(3);
        assertThat(r.evaluations()).isLessThan(20);
    }

    @Test
    void cancellingStopsWithinOneEvaluationAndReturnsTheLastAcceptedImage() {
        AtomicInteger checks = new AtomicInteger();
        List<float[]> accepted = new ArrayList<>();
        Stylizer.Result r = stylizer().run(content, java.util.List.of(StyleInput.of(style)), new Init.Noise(3), LossSpec.seed(LossWeights.seed()),
                Schedule.seed(), p -> {
                    accepted.add(p.image().get());
                    return true;
                }, () -> checks.incrementAndGet() > 12);
        assertThat(r.cancelled()).isTrue();
        assertThat(checks.get()).isEqualTo(13);
        assertThat(accepted).isNotEmpty();
        assertThat(r.image().data()).containsExactly(accepted.get(accepted.size() - 1));
    }
}
