package dev.atelier.image.random;

import java.math.BigInteger;

/**
 * A port of numpy's {@code PCG64} bit generator (numpy/random/src/pcg64/pcg64.h, pcg64.c, _pcg64.pyx):
 * PCG XSL RR 128/64, a 128-bit linear congruential generator whose 64-bit output is the xor of the state's
 * halves rotated right by the state's top 6 bits. The 128-bit state and increment are kept as two
 * {@code long} halves; Java's wrapping {@code long} arithmetic is numpy's arithmetic modulo 2^64.
 *
 * <p>Not thread-safe.
 */
public final class Pcg64 {

    /** PCG_DEFAULT_MULTIPLIER_128 = 0x2360ed051fc65da44385df649fccf645. */
    private static final long MULT_HI = 0x2360ed051fc65da4L;
    private static final long MULT_LO = 0x4385df649fccf645L;

    private long stateHi;
    private long stateLo;
    private long incHi;
    private long incLo;

    /** The generator {@code np.random.PCG64(seed)} builds, seeded through numpy's {@link SeedSequence}. */
    public Pcg64(long seed) {
        this(new SeedSequence(seed));
    }

    /** As numpy's {@code PCG64.__init__}: four 64-bit words from the seed sequence are the initial state and stream. */
    public Pcg64(SeedSequence seedSequence) {
        long[] val = seedSequence.generateState64(4);
        seed(val[0], val[1], val[2], val[3]);
    }

    /** numpy's {@code pcg64_set_seed} / {@code pcg_setseq_128_srandom_r} (native 128-bit arithmetic variant). */
    private void seed(long initStateHi, long initStateLo, long initSeqHi, long initSeqLo) {
        stateHi = 0;
        stateLo = 0;
        // inc = (initseq << 1) | 1
        incHi = (initSeqHi << 1) | (initSeqLo >>> 63);
        incLo = (initSeqLo << 1) | 1L;
        step();
        // state += initstate
        long lo = stateLo + initStateLo;
        long carry = Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0;
        stateHi = stateHi + initStateHi + carry;
        stateLo = lo;
        step();
    }

    /** state = state * MULT + inc (mod 2^128). */
    private void step() {
        long productLo = stateLo * MULT_LO;
        long productHi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
        long lo = productLo + incLo;
        long carry = Long.compareUnsigned(lo, productLo) < 0 ? 1 : 0;
        stateHi = productHi + incHi + carry;
        stateLo = lo;
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrives only in Java 18). */
    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** numpy's {@code pcg64_next64}: advance, then output XSL RR. */
    public long nextUint64() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /** numpy's {@code next_double} / {@code random_standard_uniform}: the top 53 bits, scaled to [0, 1). */
    public double nextDouble() {
        return (nextUint64() >>> 11) * 0x1.0p-53;
    }

    /** The 128-bit state, as numpy's {@code bit_generator.state['state']['state']}. */
    public BigInteger state() {
        return unsigned128(stateHi, stateLo);
    }

    /** The 128-bit increment, as numpy's {@code bit_generator.state['state']['inc']}. */
    public BigInteger increment() {
        return unsigned128(incHi, incLo);
    }

    private static BigInteger unsigned128(long hi, long lo) {
        return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
    }
}
