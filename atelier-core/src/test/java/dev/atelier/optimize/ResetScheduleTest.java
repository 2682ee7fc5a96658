package dev.atelier.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ResetSchedule's rounds: fresh memory each round, counts, and stopping. (Agreement with scipy: see LbfgsAgainstScipyTest.) */
class ResetScheduleTest {

    private static final double[] START = {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1};

    /** Records every point the optimiser evaluates. */
    private static final class Recording implements Objective {
        final Objective inner = TestProblems.rosenbrock();
        final List<double[]> points = new ArrayList<>();
        final List<double[]> gradients = new ArrayList<>();

        @Override
        public Evaluation evaluate(NDArray x) {
            Evaluation evaluation = inner.evaluate(x);
            points.add(x.toDoubleArray());
            gradients.add(evaluation.gradient().toDoubleArray());
            return evaluation;
        }
    }

    /**
     * A round starts afresh: it evaluates its start again and then tries the steepest-descent point at distance 1
     * (L-BFGS-B's first step, 1/||g|| along -g), not a quasi-Newton step from the previous round's memory.
     */
    @Test
    void everyRoundStartsWithAnEmptyMemory() {
        Recording objective = new Recording();
        List<RoundResult> rounds = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            ResetSchedule.ofRounds(2, 20).run(objective, manager.create(START), IterateListener.NONE, rounds::add);
        }
        int secondRoundStart = rounds.get(0).evaluations();
        double[] start = objective.points.get(secondRoundStart);
        double[] g = objective.gradients.get(secondRoundStart);
        double gNorm = Math.sqrt(dot(g, g));
        double[] firstTrial = objective.points.get(secondRoundStart + 1);

        assertThat(objective.points.get(secondRoundStart - 1)).as("round 2 starts where round 1 ended")
                .containsExactly(start);
        for (int i = 0; i < START.length; i++) {
            assertThat(firstTrial[i]).isCloseTo(start[i] - g[i] / gNorm, within(1e-12));
        }
        assertThat(objective.points).hasSize(rounds.get(1).cumulativeEvaluations());
    }

    @Test
    void reportsEachRoundWithCumulativeEvaluations() {
        List<RoundResult> rounds = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x0 = manager.create(START);
            ScheduleResult result =
                    ResetSchedule.ofRounds(3, 20).run(TestProblems.rosenbrock(), x0, IterateListener.NONE, rounds::add);

            assertThat(rounds).extracting(RoundResult::round).containsExactly(0, 1, 2);
            assertThat(rounds.get(1).cumulativeEvaluations())
                    .isEqualTo(rounds.get(0).evaluations() + rounds.get(1).evaluations());
            assertThat(result.evaluations()).isEqualTo(rounds.get(2).cumulativeEvaluations());
            assertThat(result.value()).isEqualTo(rounds.get(2).value());
            assertThat(rounds.get(0).value()).isGreaterThan(rounds.get(2).value());
            assertThat(x0.toDoubleArray()).containsExactly(START);
            assertThat(result.x().getManager()).isSameAs(manager);
            assertThat(manager.getManagedArrays()).hasSize(2);
        }
    }

    @Test
    void continuousIsOneRoundWithAllTheEvaluations() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x0 = manager.create(START);
            ScheduleResult continuous = ResetSchedule.continuous(60)
                    .run(TestProblems.rosenbrock(), x0, IterateListener.NONE, RoundListener.NONE);
            MinimizeResult single = new Lbfgs(LbfgsSettings.defaults().withMaxEvaluations(60))
                    .minimize(TestProblems.rosenbrock(), x0, IterateListener.NONE);

            assertThat(continuous.rounds()).hasSize(1);
            assertThat(continuous.evaluations()).isEqualTo(single.evaluations());
            assertThat(continuous.value()).isEqualTo(single.value());
            assertThat(continuous.x().toDoubleArray()).containsExactly(single.x().toDoubleArray());
        }
    }

    @Test
    void aRoundListenerCanEndTheSchedule() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ScheduleResult result = ResetSchedule.ofRounds(10, 20).run(TestProblems.rosenbrock(),
                    manager.create(START), IterateListener.NONE, round -> round.round() < 1);
            assertThat(result.rounds()).hasSize(2);
        }
    }

    @Test
    void anIterateListenerStopEndsTheSchedule() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ScheduleResult result = ResetSchedule.ofRounds(10, 20).run(TestProblems.rosenbrock(),
                    manager.create(START), it -> it.iteration() < 2, RoundListener.NONE);
            assertThat(result.rounds()).hasSize(1);
            assertThat(result.lastStopReason()).isEqualTo(StopReason.STOPPED_BY_LISTENER);
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
