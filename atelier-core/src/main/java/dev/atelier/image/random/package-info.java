/**
 * Ports of numpy's random number generation, bit-identical to numpy: {@link dev.atelier.image.random.SeedSequence},
 * the {@link dev.atelier.image.random.Pcg64} bit generator and the parts of {@code np.random.Generator} needed
 * ({@link dev.atelier.image.random.NumpyGenerator}); {@code NumpyGenerator.defaultRng(seed)} is
 * {@code np.random.default_rng(seed)}.
 */
package dev.atelier.image.random;
