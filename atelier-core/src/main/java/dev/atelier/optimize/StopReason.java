package dev.atelier.optimize;

/** Why a minimisation ended, after scipy's {@code fmin_l_bfgs_b} task messages. */
public enum StopReason {
    /** More than {@code maxEvaluations} evaluations when a step was accepted ('TOTAL NO. of f AND g EVALUATIONS'). */
    EVALUATION_LIMIT,
    /** {@code maxIterations} steps were accepted ('TOTAL NO. of ITERATIONS REACHED LIMIT'). */
    ITERATION_LIMIT,
    /** The largest gradient component fell to {@code pgtol} ('NORM_OF_PROJECTED_GRADIENT_<=_PGTOL'). */
    CONVERGED_GRADIENT,
    /** The relative reduction of f fell to {@code factr} times machine epsilon ('REL_REDUCTION_OF_F'). */
    CONVERGED_VALUE,
    /** The line search failed with an empty memory ('ABNORMAL_TERMINATION_IN_LNSRCH'). */
    LINE_SEARCH_FAILED,
    /** The {@link IterateListener} returned {@code false}. */
    STOPPED_BY_LISTENER
}
