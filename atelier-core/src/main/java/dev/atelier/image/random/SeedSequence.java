package dev.atelier.image.random;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A port of numpy's {@code numpy.random.SeedSequence} (numpy/random/bit_generator.pyx) for an integer
 * entropy value, without spawn keys and with the default pool size of 4 words. It turns a seed into the
 * well-mixed words that {@link Pcg64} is seeded with, exactly as {@code np.random.default_rng(seed)} does.
 *
 * <p>All arithmetic is on unsigned 32-bit words; Java's {@code int} overflow is the same modular
 * arithmetic as numpy's {@code uint32_t}, and {@code >>>} is its logical shift.
 */
public final class SeedSequence {

    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;
    private static final BigInteger MASK32 = BigInteger.valueOf(0xFFFFFFFFL);

    private final int[] pool = new int[POOL_SIZE];

    /** The sequence numpy builds for {@code SeedSequence(seed)}; the seed must not be negative, as in numpy. */
    public SeedSequence(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /** The sequence numpy builds for {@code SeedSequence(entropy)} with an arbitrarily large non-negative integer. */
    public SeedSequence(BigInteger entropy) {
        mixEntropy(toUint32Words(entropy));
    }

    /** numpy's {@code _int_to_uint32_array}: the integer's 32-bit words, lowest first; {@code [0]} for zero. */
    static int[] toUint32Words(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("expected non-negative integer seed, got " + n);
        }
        if (n.signum() == 0) {
            return new int[] {0};
        }
        int count = (n.bitLength() + 31) / 32;
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = n.shiftRight(32 * i).and(MASK32).intValue();
        }
        return words;
    }

    /** The hashing state of {@code hashmix}: numpy passes its multiplier in and out through a pointer. */
    private static final class HashConst {
        int value;

        HashConst(int value) {
            this.value = value;
        }
    }

    private static int hashmix(int value, HashConst hashConst) {
        value ^= hashConst.value;
        hashConst.value *= MULT_A;
        value *= hashConst.value;
        value ^= value >>> XSHIFT;
        return value;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        result ^= result >>> XSHIFT;
        return result;
    }

    private void mixEntropy(int[] entropy) {
        HashConst hashConst = new HashConst(INIT_A);
        // Add in the entropy up to the pool size.
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
        }
        // Mix all bits together so late bits can affect earlier bits.
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
                }
            }
        }
        // Add any remaining entropy, mixing each new entropy word with each pool word.
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(entropy[src], hashConst));
            }
        }
    }

    /** numpy's {@code generate_state(n, np.uint32)}. */
    public int[] generateState32(int nWords) {
        int[] state = new int[nWords];
        int hashConst = INIT_B;
        for (int i = 0; i < nWords; i++) {
            int dataVal = pool[i % POOL_SIZE];
            dataVal ^= hashConst;
            hashConst *= MULT_B;
            dataVal *= hashConst;
            dataVal ^= dataVal >>> XSHIFT;
            state[i] = dataVal;
        }
        return state;
    }

    /**
     * numpy's {@code generate_state(n, np.uint64)}: twice as many 32-bit words, paired little-endian
     * (the first word of each pair is the low half).
     */
    public long[] generateState64(int nWords) {
        int[] words = generateState32(2 * nWords);
        long[] state = new long[nWords];
        for (int i = 0; i < nWords; i++) {
            state[i] = (words[2 * i] & 0xFFFFFFFFL) | ((long) words[2 * i + 1] << 32);
        }
        return state;
    }

    /** The mixed entropy pool (numpy's {@code SeedSequence.pool}), as unsigned 32-bit words in ints. */
    public int[] pool() {
        return Arrays.copyOf(pool, POOL_SIZE);
    }
}
