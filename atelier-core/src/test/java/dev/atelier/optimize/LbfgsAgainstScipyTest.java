package dev.atelier.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lbfgs and ResetSchedule against what scipy 1.10's fmin_l_bfgs_b did on the same problems (scipy_lbfgsb.json):
 * single runs with maxfun 20 and 200, and ten rounds of maxfun 20.
 *
 * <p>Over the stretch where scipy reproduces itself (see {@link ScipyTrace}) every accepted f must agree to 1e-10
 * relative and every step must come after the same number of evaluations; runs and rounds that end inside it must
 * end alike (evaluations, iterations, stop reason, x). Past it, where scipy itself drifts away after a one-ulp change
 * of the gradient, a run must end as scipy or its perturbed twin did, within their spread of evaluations. The
 * agreement measured is printed at the end.
 */
class LbfgsAgainstScipyTest {

    private static final double VALUE_TOLERANCE = 1e-10;
    /** For final points, relative to max(|x_i|, 1). */
    private static final double X_TOLERANCE = 1e-8;

    private static final ScipyFixtures FIXTURES = ScipyFixtures.load();
    private static final List<String> AGREEMENT = new ArrayList<>();
    private static double worstValueDifference;

    /** How a Java run or round ended; x is known only for the last round of a schedule. */
    private record JavaRound(int evaluations, int iterations, StopReason stopReason, double value, double[] x) {}

    static Stream<Arguments> runs() {
        return FIXTURES.problems().entrySet().stream().flatMap(problem -> problem.getValue().runs().stream()
                .map(run -> Arguments.of(problem.getKey(), run.maxfun())));
    }

    static Stream<String> problems() {
        return FIXTURES.problems().keySet().stream();
    }

    @Test
    void fixturesComeFromScipy110() {
        assertThat(FIXTURES.scipy()).startsWith("1.10");
    }

    @ParameterizedTest(name = "{0} maxfun={1}")
    @MethodSource("runs")
    void takesTheSameStepsAsScipy(String name, int maxfun) {
        ScipyFixtures.Problem problem = FIXTURES.problems().get(name);
        ScipyFixtures.Run expected =
                problem.runs().stream().filter(r -> r.maxfun() == maxfun).findFirst().orElseThrow();
        List<ScipyTrace.Step> steps = new ArrayList<>();
        List<JavaRound> rounds = new ArrayList<>();
        Lbfgs lbfgs = new Lbfgs(LbfgsSettings.defaults().withMaxEvaluations(maxfun));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x0 = manager.create(problem.x0());
            MinimizeResult result = lbfgs.minimize(problem.objective(), x0,
                    it -> steps.add(new ScipyTrace.Step(it.value(), it.evaluations(), 0)));
            rounds.add(new JavaRound(result.evaluations(), result.iterations(), result.stopReason(), result.value(),
                    result.x().toDoubleArray()));
        }
        compare(name + " maxfun=" + maxfun, List.of(expected), steps, rounds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void tenRoundsOfTwentyAreTenScipyCalls(String name) {
        ScipyFixtures.Problem problem = FIXTURES.problems().get(name);
        List<ScipyTrace.Step> steps = new ArrayList<>();
        List<JavaRound> rounds = new ArrayList<>();
        List<RoundResult> reported = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x0 = manager.create(problem.x0());
            int[] before = {0};
            IterateListener iterates = it -> steps.add(
                    new ScipyTrace.Step(it.value(), before[0] + it.evaluations(), reported.size()));
            ScheduleResult result = ResetSchedule.ofRounds(10, 20).run(problem.objective(), x0, iterates, round -> {
                reported.add(round);
                before[0] = round.cumulativeEvaluations();
                rounds.add(new JavaRound(round.evaluations(), round.iterations(), round.stopReason(), round.value(),
                        null));
                return true;
            });
            assertThat(result.rounds()).isEqualTo(reported);
            assertThat(reported).extracting(RoundResult::round).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(result.evaluations()).isEqualTo(reported.get(9).cumulativeEvaluations());
            assertThat(result.value()).isEqualTo(reported.get(9).value());
            JavaRound last = rounds.remove(9);
            rounds.add(new JavaRound(last.evaluations(), last.iterations(), last.stopReason(), last.value(),
                    result.x().toDoubleArray()));
        }
        compare(name + " 10x20", problem.rounds(), steps, rounds);
    }

    private static void compare(
            String label, List<ScipyFixtures.Run> expected, List<ScipyTrace.Step> steps, List<JavaRound> rounds) {
        ScipyTrace trace = ScipyTrace.of(expected);
        for (int k = 0; k < trace.reproducibleSteps(); k++) {
            ScipyTrace.Step want = trace.steps().get(k);
            assertThat(steps).as("%s: accepted steps", label).hasSizeGreaterThan(k);
            ScipyTrace.Step got = steps.get(k);
            double difference = ScipyTrace.relativeDifference(got.value(), want.value());
            record(difference);
            assertThat(difference).as("%s: step %d, f %s vs scipy %s", label, k + 1, got.value(), want.value())
                    .isLessThanOrEqualTo(VALUE_TOLERANCE);
            assertThat(got.evaluations()).as("%s: step %d, evaluations", label, k + 1).isEqualTo(want.evaluations());
        }
        assertThat(rounds).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            ScipyFixtures.Run want = expected.get(r);
            JavaRound got = rounds.get(r);
            String where = label + " round " + r;
            if (r < trace.reproducibleRounds()) {
                assertThat(got.evaluations()).as("%s: evaluations", where).isEqualTo(want.evaluations());
                assertThat(got.iterations()).as("%s: iterations", where).isEqualTo(want.iterations());
                assertThat(got.stopReason()).as("%s: stop reason", where).isEqualTo(want.stopReason());
                assertThat(ScipyTrace.relativeDifference(got.value(), want.value())).as("%s: value", where)
                        .isLessThanOrEqualTo(VALUE_TOLERANCE);
                if (got.x() != null) {
                    assertClose(where, got.x(), want.x());
                }
            } else {
                ScipyFixtures.Run twin = want.perturbed();
                assertThat(got.stopReason()).as("%s: stop reason", where)
                        .isIn(want.stopReason(), twin.stopReason());
                assertThat(Math.abs(got.evaluations() - want.evaluations())).as("%s: evaluations", where)
                        .isLessThanOrEqualTo(Math.abs(twin.evaluations() - want.evaluations()) + 1);
            }
        }
        double strict = 0;
        double overall = 0;
        for (int k = 0; k < Math.min(steps.size(), trace.steps().size()); k++) {
            double difference = ScipyTrace.relativeDifference(steps.get(k).value(), trace.steps().get(k).value());
            overall = Math.max(overall, difference);
            if (k < trace.reproducibleSteps()) {
                strict = Math.max(strict, difference);
            }
        }
        AGREEMENT.add(String.format(
                "%-30s steps %3d (scipy %3d), evaluations %3d (scipy %3d); compared exactly: %3d steps, %2d of %2d"
                        + " runs, max rel. diff %.1e; over all steps %.1e",
                label, steps.size(), trace.steps().size(),
                rounds.stream().mapToInt(JavaRound::evaluations).sum(),
                expected.stream().mapToInt(ScipyFixtures.Run::evaluations).sum(),
                trace.reproducibleSteps(), trace.reproducibleRounds(), expected.size(), strict, overall));
    }

    @AfterAll
    static void reportAgreement() {
        AGREEMENT.forEach(line -> System.out.println("LbfgsAgainstScipyTest: " + line));
        System.out.printf("LbfgsAgainstScipyTest: largest relative difference from scipy's f: %.3g%n",
                worstValueDifference);
    }

    private static void assertClose(String where, double[] actual, double[] expected) {
        assertThat(actual).as("%s: x", where).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), 1.0);
            assertThat(Math.abs(actual[i] - expected[i]) / scale).as("%s: x[%d]", where, i)
                    .isLessThanOrEqualTo(X_TOLERANCE);
        }
    }

    private static synchronized void record(double difference) {
        worstValueDifference = Math.max(worstValueDifference, difference);
    }
}
