package dev.atelier.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** How long ago this process was launched (for a command run through the launcher script: the script's start). */
public final class ProcessAge {

    /** The kernel's USER_HZ, the unit of a process's start time in /proc: 100 on every mainstream Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessAge() {}

    /**
     * Seconds since launch, to the kernel's 10 ms tick on Linux. {@code ProcessHandle}'s start instant is not used
     * there: it adds the start tick to a boot time that /proc gives in whole seconds, so it can be up to a second
     * early. Elsewhere it is the fallback; NaN where the OS tells nothing.
     */
    public static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, the start
            // time (ticks since boot) field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return uptime - startTicks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toNanos() / 1e9)
                    .orElse(Double.NaN);
        }
    }
}
