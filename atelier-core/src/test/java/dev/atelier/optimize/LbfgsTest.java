package dev.atelier.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lbfgs's limits, stopping, ownership and memory use. */
class LbfgsTest {

    private static final double[] ROSENBROCK_START = {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1};

    @Test
    void defaultsAreScipys() {
        LbfgsSettings defaults = LbfgsSettings.defaults();
        assertThat(defaults.history()).isEqualTo(10);
        assertThat(defaults.maxEvaluations()).isEqualTo(15000);
        assertThat(defaults.maxIterations()).isEqualTo(15000);
        assertThat(defaults.pgtol()).isEqualTo(1e-5);
        assertThat(defaults.factr()).isEqualTo(1e7);
    }

    @Test
    void evaluationLimitIsCheckedOnlyWhenAStepIsAccepted() {
        List<Integer> evaluationsAtSteps = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults().withMaxEvaluations(5)).minimize(
                    TestProblems.rosenbrock(), manager.create(ROSENBROCK_START),
                    it -> evaluationsAtSteps.add(it.evaluations()));

            assertThat(result.stopReason()).isEqualTo(StopReason.EVALUATION_LIMIT);
            // The line search that crossed the limit was finished: the count exceeds it, and only then it stops.
            assertThat(result.evaluations()).isGreaterThan(5);
            assertThat(evaluationsAtSteps).last().isEqualTo(result.evaluations());
            assertThat(evaluationsAtSteps.subList(0, evaluationsAtSteps.size() - 1)).allMatch(n -> n <= 5);
            assertThat(result.iterations()).isEqualTo(evaluationsAtSteps.size());
        }
    }

    @Test
    void iterationLimitStopsAfterThatManySteps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults().withMaxIterations(4))
                    .minimize(TestProblems.rosenbrock(), manager.create(ROSENBROCK_START), IterateListener.NONE);
            assertThat(result.stopReason()).isEqualTo(StopReason.ITERATION_LIMIT);
            assertThat(result.iterations()).isEqualTo(4);
        }
    }

    @Test
    void listenerStopsAfterTheStepItRejects() {
        List<Iterate> seen = new ArrayList<>();
        double[][] xAtThirdStep = new double[1][];
        try (NDManager manager = NDManager.newBaseManager()) {
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults())
                    .minimize(TestProblems.rosenbrock(), manager.create(ROSENBROCK_START), it -> {
                        seen.add(it);
                        if (it.iteration() == 3) {
                            xAtThirdStep[0] = it.x().toDoubleArray();
                            return false;
                        }
                        return true;
                    });

            assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED_BY_LISTENER);
            assertThat(seen).extracting(Iterate::iteration).containsExactly(1, 2, 3);
            assertThat(result.iterations()).isEqualTo(3);
            assertThat(result.value()).isEqualTo(seen.get(2).value());
            assertThat(result.evaluations()).isEqualTo(seen.get(2).evaluations());
            assertThat(result.x().toDoubleArray()).containsExactly(xAtThirdStep[0]);
        }
    }

    @Test
    void startingAtAMinimumConvergesWithoutAStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults())
                    .minimize(TestProblems.rosenbrock(), manager.create(new double[] {1, 1, 1}), IterateListener.NONE);
            assertThat(result.stopReason()).isEqualTo(StopReason.CONVERGED_GRADIENT);
            assertThat(result.iterations()).isZero();
            assertThat(result.evaluations()).isEqualTo(1);
            assertThat(result.value()).isZero();
        }
    }

    /**
     * A gradient pointing uphill: every trial step raises f, so the first line search gives up after 20 evaluations
     * and, with nothing in memory to forget, the run ends where it started. scipy does the same with 20 evaluations
     * (one trial point repeats when the step has shrunk below x's precision, and is not counted).
     */
    @Test
    void aLineSearchThatFailsWithAnEmptyMemoryEndsTheRun() {
        Objective uphill = x -> {
            try (NDArray squares = x.mul(x); NDArray sum = squares.sum()) {
                return new Objective.Evaluation(sum.getDouble(), x.mul(-2.0));
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x0 = manager.create(new double[] {1, -2, 3});
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults()).minimize(uphill, x0, IterateListener.NONE);
            assertThat(result.stopReason()).isEqualTo(StopReason.LINE_SEARCH_FAILED);
            assertThat(result.iterations()).isZero();
            assertThat(result.evaluations()).isEqualTo(20);
            assertThat(result.x().toDoubleArray()).containsExactly(1, -2, 3);
            assertThat(result.value()).isEqualTo(14.0);
        }
    }

    @Test
    void leavesX0AloneAndHandsBackANewArrayOnItsManager() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x0 = manager.create(ROSENBROCK_START);
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults())
                    .minimize(TestProblems.rosenbrock(), x0, IterateListener.NONE);

            assertThat(x0.toDoubleArray()).containsExactly(ROSENBROCK_START);
            assertThat(result.x()).isNotSameAs(x0);
            assertThat(result.x().getManager()).isSameAs(manager);
            assertThat(result.x().getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(result.value()).isCloseTo(0.0, within(1e-8));
            // Nothing but x0 and the result is left behind.
            assertThat(manager.getManagedArrays()).hasSize(2);
        }
    }

    @Test
    void nativeMemoryDoesNotGrowOverALongRun() {
        List<Integer> liveArrays = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            ScipyFixtures.Problem quadratic = ScipyFixtures.load().problems().get("quadratic10");
            MinimizeResult result = new Lbfgs(LbfgsSettings.defaults().withFactr(0).withPgtol(0).withMaxIterations(150))
                    .minimize(quadratic.objective(), manager.create(quadratic.x0()),
                            it -> liveArrays.add(manager.getManagedArrays().size()));

            assertThat(result.iterations()).isGreaterThan(100);
            // Sub-managers' arrays are counted too: the point, the memory, the iteration's temporaries.
            assertThat(liveArrays.get(0)).isGreaterThan(3);
            int afterMemoryFilled = liveArrays.get(LbfgsSettings.DEFAULT_HISTORY + 2);
            assertThat(liveArrays.subList(LbfgsSettings.DEFAULT_HISTORY + 2, liveArrays.size()))
                    .allMatch(n -> n <= afterMemoryFilled);
            assertThat(manager.getManagedArrays()).hasSize(2);
        }
    }

    /**
     * The memory keeps a float32 objective's gradients and recomputes y from them; the steps must be those of the
     * same gradients handed over in float64, to the last bit, through full memories, evictions and a long run.
     */
    @Test
    void aFloat32GradientTakesTheStepsOfItsFloat64Widening() {
        List<double[]> narrow = new ArrayList<>();
        List<double[]> wide = new ArrayList<>();
        List<Integer> liveArrays = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Lbfgs lbfgs = new Lbfgs(LbfgsSettings.defaults().withFactr(0).withPgtol(0).withMaxIterations(60));
            Objective rosenbrock = TestProblems.rosenbrock();
            Objective float32 = x -> {
                Objective.Evaluation e = rosenbrock.evaluate(x);
                try (NDArray g = e.gradient()) {
                    return new Objective.Evaluation(e.value(), g.toType(DataType.FLOAT32, false));
                }
            };
            Objective widened = x -> {
                Objective.Evaluation e = float32.evaluate(x);
                try (NDArray g = e.gradient()) {
                    return new Objective.Evaluation(e.value(), g.toType(DataType.FLOAT64, false));
                }
            };
            MinimizeResult a = lbfgs.minimize(float32, manager.create(ROSENBROCK_START), it -> {
                narrow.add(it.x().toDoubleArray());
                liveArrays.add(manager.getManagedArrays().size());
                return true;
            });
            MinimizeResult b = lbfgs.minimize(widened, manager.create(ROSENBROCK_START),
                    it -> wide.add(it.x().toDoubleArray()));

            assertThat(a.iterations()).isEqualTo(60);
            assertThat(a.evaluations()).isEqualTo(b.evaluations());
            assertThat(narrow).hasSameSizeAs(wide);
            for (int i = 0; i < narrow.size(); i++) {
                assertThat(narrow.get(i)).as("x after step %d", i + 1).containsExactly(wide.get(i));
            }
            int afterMemoryFilled = liveArrays.get(LbfgsSettings.DEFAULT_HISTORY + 2);
            assertThat(liveArrays.subList(LbfgsSettings.DEFAULT_HISTORY + 2, liveArrays.size()))
                    .allMatch(n -> n <= afterMemoryFilled);
        }
    }

    @Test
    void rejectsAStartThatIsNotFlatFloat64() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray floats = manager.create(new float[] {1, 2});
            Lbfgs lbfgs = new Lbfgs(LbfgsSettings.defaults());
            assertThatThrownBy(() -> lbfgs.minimize(TestProblems.rosenbrock(), floats, IterateListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
