package dev.atelier.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeLogLevelTest {

    @Test
    void torchCppLogLevelIsReadAsPyTorchReadsItAndDefaultsToErrors() {
        assertThat(NativeLogLevel.level(null)).isEqualTo(2);
        assertThat(NativeLogLevel.level("info")).isEqualTo(0);
        assertThat(NativeLogLevel.level("WARNING")).isEqualTo(1);
        assertThat(NativeLogLevel.level(" 1 ")).isEqualTo(1);
        assertThat(NativeLogLevel.level("error")).isEqualTo(2);
        assertThat(NativeLogLevel.level("FATAL")).isEqualTo(3);
        assertThat(NativeLogLevel.level("loud")).isEqualTo(2);
    }

    /**
     * In a JVM of its own (libtorch writes to the process's stderr): three one-image 1×1 convolutions, which libtorch
     * runs outside oneDNN, asking each time whether NNPACK is there. Where NNPACK cannot start (this machine) each
     * asks with a warning, unless the engine was set up through {@link TensorEngine}.
     */
    @Test
    void libtorchsWarningsAreSilencedUnlessAskedFor() throws Exception {
        String asked = stderrOfSmallConvolutions("WARNING");
        assumeTrue(asked.contains("NNPACK"), "NNPACK starts on this CPU: libtorch has nothing to warn about");
        assertThat(asked.lines().filter(l -> l.contains("NNPACK")).count()).isEqualTo(3);
        assertThat(stderrOfSmallConvolutions(null)).doesNotContain("NNPACK");
    }

    private static String stderrOfSmallConvolutions(String level) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                SmallConvolutions.class.getName()));
        pb.environment().remove("TORCH_CPP_LOG_LEVEL");
        if (level != null) {
            pb.environment().put("TORCH_CPP_LOG_LEVEL", level);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return err;
    }

    /** The child process. */
    public static final class SmallConvolutions {
        public static void main(String[] args) {
            TensorEngine.configure(2);
            TensorEngine.start();
            try (NDManager m = TensorEngine.newManager()) {
                NDArray x = m.ones(new Shape(1, 8, 4, 4));
                NDArray w = m.ones(new Shape(8, 8, 1, 1));
                for (int i = 0; i < 3; i++) {
                    Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
                }
            }
        }
    }
}
