# Records what scipy's fmin_l_bfgs_b does on fixed problems, as JSON fixtures for LbfgsAgainstScipyTest.
#
# Regenerate (Debian's python3-scipy 1.10, python3-numpy) from the repository root with:
#   /usr/bin/python3 atelier-core/src/test/resources/optimize/make_scipy_fixtures.py > atelier-core/src/test/resources/optimize/scipy_lbfgsb.json
#
# The problems are mirrored in Java by atelier-core/src/test/java/dev/atelier/optimize/TestProblems.java: keep them in step.
#
# Each run is also repeated with every gradient component rounded up by one ulp ("perturbed"). Last-bit differences
# like that grow along the trajectory; the perturbed runs record how far scipy drifts from itself, which bounds how
# closely any other implementation (summing in another order, say) can follow it late in a run.
import json
import sys

import numpy as np
import scipy
from scipy.optimize import fmin_l_bfgs_b


def rosenbrock(x):
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2))


def rosenbrock_gradient(x):
    g = np.zeros_like(x)
    inner = x[1:] - x[:-1] ** 2
    g[:-1] = -400.0 * x[:-1] * inner - 2.0 * (1.0 - x[:-1])
    g[1:] += 200.0 * inner
    return g


def quadratic(curvatures):
    """0.5 * sum(c * (x - 1)^2)."""
    return (lambda x: float(0.5 * np.sum(curvatures * (x - 1.0) ** 2)),
            lambda x: curvatures * (x - 1.0))


def sawtooth_rosenbrock(amplitude, frequency):
    """Rosenbrock plus amplitude * sum(frac(frequency * x)), with the gradient of Rosenbrock alone.

    The gradient ignores the sawtooth, so near the minimum the line search cannot satisfy the Wolfe conditions:
    this exercises L-BFGS-B's line-search limit, its memory reset and its abnormal termination. A sawtooth rather
    than a sine so that numpy and PyTorch compute it bit for bit alike.
    """
    def f(x):
        scaled = x * frequency
        return rosenbrock(x) + amplitude * float(np.sum(scaled - np.floor(scaled)))
    return f, rosenbrock_gradient


def alternating(n):
    return [-1.2 if i % 2 == 0 else 1.0 for i in range(n)]


QUADRATIC_CURVATURES = (10.0 ** (4.0 * np.arange(10) / 9)).tolist()  # condition number 1e4

# name: (kind, parameters, x0); TestProblems.java builds the same functions from kind and parameters.
PROBLEMS = {
    "rosenbrock2": ("rosenbrock", {}, alternating(2)),
    "rosenbrock10": ("rosenbrock", {}, alternating(10)),
    "quadratic10": ("quadratic", {"curvatures": QUADRATIC_CURVATURES}, [0.0] * 10),
    "sawtoothRosenbrock4": ("sawtoothRosenbrock", {"amplitude": 1e-4, "frequency": 100.0}, alternating(4)),
    "sawtoothNearMinimum4": ("sawtoothRosenbrock", {"amplitude": 1e-3, "frequency": 1000.0}, [0.9, 0.8, 0.7, 0.5]),
}


def functions(kind, parameters):
    if kind == "rosenbrock":
        return rosenbrock, rosenbrock_gradient
    if kind == "quadratic":
        return quadratic(np.array(parameters["curvatures"]))
    if kind == "sawtoothRosenbrock":
        return sawtooth_rosenbrock(parameters["amplitude"], parameters["frequency"])
    raise ValueError(kind)


def one_ulp_up(fp):
    return lambda x: np.nextafter(fp(x), np.inf)


def run(f, fp, x0, maxfun):
    # ScalarFunction calls f once per counted evaluation, so counting calls gives nfev at each accepted step.
    calls = [0]

    def counted(x):
        calls[0] += 1
        return f(x)

    values, evaluations = [], []

    def callback(xk):
        values.append(f(xk))
        evaluations.append(calls[0])

    x, value, info = fmin_l_bfgs_b(counted, np.array(x0, dtype=float), fprime=fp, maxfun=maxfun, callback=callback)
    return {
        "maxfun": maxfun,
        "acceptedValues": values,
        "acceptedEvaluations": evaluations,
        "evaluations": int(info["funcalls"]),
        "iterations": int(info["nit"]),
        "task": info["task"],
        "value": float(value),
        "x": x.tolist(),
    }


def rounds(f, fp, x0, count, maxfun):
    """The reference schedule: fmin_l_bfgs_b called `count` times, each from where the last ended."""
    x = x0
    cumulative = 0
    out = []
    for i in range(count):
        result = run(f, fp, x, maxfun)
        cumulative += result["evaluations"]
        result["round"] = i
        result["cumulativeEvaluations"] = cumulative
        out.append(result)
        x = result["x"]
    return out


def summary(result):
    return {key: result[key] for key in ("acceptedValues", "evaluations", "iterations", "task", "value")}


def main():
    fixtures = {"scipy": scipy.__version__, "numpy": np.__version__, "problems": {}}
    for name, (kind, parameters, x0) in PROBLEMS.items():
        f, fp = functions(kind, parameters)
        runs = []
        for maxfun in (20, 200):
            result = run(f, fp, x0, maxfun)
            result["perturbed"] = summary(run(f, one_ulp_up(fp), x0, maxfun))
            runs.append(result)
        schedule = rounds(f, fp, x0, 10, 20)
        for result, perturbed in zip(schedule, rounds(f, one_ulp_up(fp), x0, 10, 20)):
            result["perturbed"] = summary(perturbed)
        fixtures["problems"][name] = {
            "kind": kind, "parameters": parameters, "x0": x0, "runs": runs, "rounds": schedule}
    json.dump(fixtures, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
