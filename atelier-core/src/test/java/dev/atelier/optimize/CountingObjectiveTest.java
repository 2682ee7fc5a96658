package dev.atelier.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** CountingObjective counts as scipy's ScalarFunction: a repeat of the last point is free. */
class CountingObjectiveTest {

    @Test
    void theSamePointTwiceInARowIsEvaluatedOnce() {
        int[] calls = {0};
        Objective counted = x -> {
            calls[0]++;
            return TestProblems.rosenbrock().evaluate(x);
        };
        try (NDManager manager = NDManager.newBaseManager();
                CountingObjective function = new CountingObjective(counted, manager)) {
            NDArray a = manager.create(new double[] {0.5, 2});
            NDArray sameAsA = manager.create(new double[] {0.5, 2});
            NDArray b = manager.create(new double[] {0.5, 2.000000000000001});

            Objective.Evaluation first = function.evaluate(a);
            Objective.Evaluation repeat = function.evaluate(sameAsA);
            assertThat(function.evaluations()).isEqualTo(1);
            assertThat(repeat.value()).isEqualTo(first.value());
            assertThat(repeat.gradient()).isNotSameAs(first.gradient());
            assertThat(repeat.gradient().toDoubleArray()).containsExactly(first.gradient().toDoubleArray());
            assertThat(repeat.gradient().getManager()).isSameAs(manager);

            function.evaluate(b);
            function.evaluate(a);
            assertThat(function.evaluations()).isEqualTo(3);
            assertThat(calls[0]).isEqualTo(3);
        }
    }
}
