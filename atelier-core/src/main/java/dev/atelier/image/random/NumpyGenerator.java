package dev.atelier.image.random;

/**
 * The parts of numpy's {@code np.random.Generator} (numpy/random/_generator.pyx,
 * src/distributions/distributions.c) that Atelier needs, on a {@link Pcg64} bit generator, so that
 * {@code NumpyGenerator.defaultRng(seed)} draws exactly the numbers {@code np.random.default_rng(seed)} draws.
 *
 * <p>Not thread-safe.
 */
public final class NumpyGenerator {

    private final Pcg64 bitGenerator;

    public NumpyGenerator(Pcg64 bitGenerator) {
        this.bitGenerator = bitGenerator;
    }

    /** {@code np.random.default_rng(seed)}: a Generator on {@code PCG64(SeedSequence(seed))}; the seed must be &ge; 0. */
    public static NumpyGenerator defaultRng(long seed) {
        return new NumpyGenerator(new Pcg64(seed));
    }

    public Pcg64 bitGenerator() {
        return bitGenerator;
    }

    /** {@code Generator.random()} ({@code random_standard_uniform}): a double in [0, 1). */
    public double random() {
        return bitGenerator.nextDouble();
    }

    /**
     * {@code Generator.uniform(low, high)} for scalar bounds ({@code random_uniform}):
     * {@code low + (high - low) * random()}, evaluated in that order.
     */
    public double uniform(double low, double high) {
        double range = checkedRange(low, high);
        return low + range * bitGenerator.nextDouble();
    }

    /** {@code Generator.uniform(low, high, n)}: n draws, in numpy's order (C order for any shape of n elements). */
    public double[] uniform(double low, double high, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative sample count: " + n);
        }
        double range = checkedRange(low, high);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + range * bitGenerator.nextDouble();
        }
        return out;
    }

    private static double checkedRange(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new ArithmeticException("high - low range exceeds valid bounds");
        }
        if (range < 0) {
            // numpy's CONS_NON_NEGATIVE check on "high - low"
            throw new IllegalArgumentException("high - low < 0");
        }
        return range;
    }
}
