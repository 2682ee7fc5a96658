package dev.atelier.image.random;

import static dev.atelier.Digests.sha256OfDoubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * SeedSequence, PCG64 and Generator.uniform against numpy itself: numpy-noise.json was written by
 * numpy_noise_fixture.py (the command is at its top) with Debian's numpy. Everything is compared to the bit.
 */
class NumpyRandomTest {

    static JsonNode fixture() throws IOException {
        try (InputStream in = NumpyRandomTest.class.getResourceAsStream("/image/numpy-noise.json")) {
            assertThat(in).as("test resource /image/numpy-noise.json").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void seedSequencePoolMatchesNumpy() throws IOException {
        for (JsonNode entry : fixture().get("seeds")) {
            int[] pool = new SeedSequence(entry.get("seed").asLong()).pool();
            for (int i = 0; i < pool.length; i++) {
                assertThat(Integer.toUnsignedLong(pool[i]))
                        .as("pool[%d] for seed %s", i, entry.get("seed"))
                        .isEqualTo(entry.get("pool").get(i).asLong());
            }
        }
    }

    @Test
    void pcg64SeededStateAndRawOutputMatchNumpy() throws IOException {
        for (JsonNode entry : fixture().get("seeds")) {
            long seed = entry.get("seed").asLong();
            Pcg64 pcg = new Pcg64(seed);
            assertThat(pcg.state()).as("state, seed %d", seed).isEqualTo(new BigInteger(entry.get("state").asText()));
            assertThat(pcg.increment()).as("inc, seed %d", seed).isEqualTo(new BigInteger(entry.get("inc").asText()));
            for (JsonNode raw : entry.get("raw_uint64")) {
                assertThat(Long.toUnsignedString(pcg.nextUint64())).as("raw, seed %d", seed).isEqualTo(raw.asText());
            }
        }
    }

    @Test
    void uniformMatchesNumpyToTheBit() throws IOException {
        for (JsonNode entry : fixture().get("seeds")) {
            long seed = entry.get("seed").asLong();
            double[] u = NumpyGenerator.defaultRng(seed).uniform(0, 255, 100_000);

            JsonNode first = entry.get("uniform_0_255_first20");
            for (int i = 0; i < first.size(); i++) {
                assertThat(Double.doubleToRawLongBits(u[i]))
                        .as("uniform[%d], seed %d: %s vs numpy %s", i, seed, u[i], first.get(i).asDouble())
                        .isEqualTo(Double.doubleToRawLongBits(first.get(i).asDouble()));
            }
            double sum = 0;
            for (double v : u) {
                sum += v;
            }
            assertThat(Double.doubleToRawLongBits(sum)).as("sequential sum, seed %d", seed)
                    .isEqualTo(Double.doubleToRawLongBits(entry.get("uniform_0_255_sum_first100000").asDouble()));
            assertThat(sha256OfDoubles(u, u.length)).as("sha256 of all 100000 values, seed %d", seed)
                    .isEqualTo(entry.get("uniform_0_255_sha256_first100000_float64le").asText());
        }
    }

    @Test
    void scalarDrawsContinueTheSameStream() {
        NumpyGenerator a = NumpyGenerator.defaultRng(7);
        double[] many = NumpyGenerator.defaultRng(7).uniform(-1, 3, 5);
        for (double expected : many) {
            assertThat(a.uniform(-1, 3)).isEqualTo(expected);
        }
        double r = NumpyGenerator.defaultRng(7).random();
        assertThat(r).isEqualTo((many[0] + 1) / 4); // exact: (x - (-1)) / 4 undoes -1 + 4 * r when 4r is exact
    }

    @Test
    void unsignedMultiplyHighMatchesBigInteger() {
        long[] samples = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x2360ed051fc65da4L, 0x4385df649fccf645L, -12345678901L};
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (long x : samples) {
            for (long y : samples) {
                BigInteger ux = new BigInteger(Long.toUnsignedString(x));
                BigInteger uy = new BigInteger(Long.toUnsignedString(y));
                BigInteger hi = ux.multiply(uy).divide(two64);
                assertThat(Long.toUnsignedString(Pcg64.unsignedMultiplyHigh(x, y))).isEqualTo(hi.toString());
            }
        }
    }

    @Test
    void rejectsWhatNumpyRejects() {
        assertThatThrownBy(() -> new SeedSequence(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumpyGenerator.defaultRng(0).uniform(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumpyGenerator.defaultRng(0).uniform(-Double.MAX_VALUE, Double.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void bigSeedsSplitIntoWordsLikeNumpy() {
        assertThat(SeedSequence.toUint32Words(BigInteger.ZERO)).containsExactly(0);
        assertThat(SeedSequence.toUint32Words(BigInteger.ONE.shiftLeft(40).add(BigInteger.valueOf(7))))
                .containsExactly(7, 256);
        assertThat(new SeedSequence(BigInteger.valueOf(42)).pool()).containsExactly(new SeedSequence(42).pool());
    }
}
