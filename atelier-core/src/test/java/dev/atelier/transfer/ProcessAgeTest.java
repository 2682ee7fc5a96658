package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessAgeTest {

    /** Prints the child's launch instant as it computes it: epoch millis now minus its age. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println(System.currentTimeMillis() - Math.round(ProcessAge.seconds() * 1000));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aChildProcessKnowsWhenItWasLaunchedToTheTick() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true);
        long before = System.currentTimeMillis();
        Process child = builder.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        long after = System.currentTimeMillis();
        assertThat(child.waitFor()).isZero();
        long launched = Long.parseLong(out);
        // Two 10 ms ticks of rounding either side; the old ProcessHandle figure was ~470 ms early on this machine.
        assertThat(launched).isBetween(before - 30, before + 30);
        assertThat(after - launched).isPositive();
    }

    @Test
    void thisProcessIsOlderThanItsJvmUptimeLess() {
        double jvmUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        assertThat(ProcessAge.seconds()).isBetween(jvmUptime - 0.05, jvmUptime + 5);
    }
}
