package dev.atelier.optimize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What scipy's fmin_l_bfgs_b did, as recorded by src/test/resources/optimize/make_scipy_fixtures.py. */
record ScipyFixtures(String scipy, Map<String, Problem> problems) {

    record Problem(String kind, Map<String, Object> parameters, double[] x0, List<Run> runs, List<Run> rounds) {

        Objective objective() {
            return switch (kind) {
                case "rosenbrock" -> TestProblems.rosenbrock();
                case "quadratic" -> TestProblems.quadratic(doubles("curvatures"));
                case "sawtoothRosenbrock" -> TestProblems.sawtoothRosenbrock(
                        number("amplitude"), number("frequency"));
                default -> throw new IllegalArgumentException("no Java objective for " + kind);
            };
        }

        private double number(String name) {
            return ((Number) parameters.get(name)).doubleValue();
        }

        private double[] doubles(String name) {
            return ((List<?>) parameters.get(name)).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
    }

    /**
     * One fmin_l_bfgs_b call. {@code round} and {@code cumulativeEvaluations} are set only in a schedule of rounds;
     * {@code perturbed} is the same call with f rounded up by one ulp.
     */
    record Run(
            int maxfun,
            double[] acceptedValues,
            int[] acceptedEvaluations,
            int evaluations,
            int iterations,
            String task,
            double value,
            double[] x,
            int round,
            int cumulativeEvaluations,
            Run perturbed) {

        StopReason stopReason() {
            if (task.startsWith("STOP: TOTAL NO. of f AND g")) {
                return StopReason.EVALUATION_LIMIT;
            }
            if (task.startsWith("STOP: TOTAL NO. of ITERATIONS")) {
                return StopReason.ITERATION_LIMIT;
            }
            if (task.startsWith("CONVERGENCE: NORM_OF_PROJECTED_GRADIENT")) {
                return StopReason.CONVERGED_GRADIENT;
            }
            if (task.startsWith("CONVERGENCE: REL_REDUCTION_OF_F")) {
                return StopReason.CONVERGED_VALUE;
            }
            if (task.startsWith("ABNORMAL_TERMINATION_IN_LNSRCH")) {
                return StopReason.LINE_SEARCH_FAILED;
            }
            throw new IllegalStateException("unexpected scipy task: " + task);
        }
    }

    static ScipyFixtures load() {
        try (InputStream in = ScipyFixtures.class.getResourceAsStream("/optimize/scipy_lbfgsb.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /optimize/scipy_lbfgsb.json");
            }
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, ScipyFixtures.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
