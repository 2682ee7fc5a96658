package dev.atelier.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;

/** Choices made for the user: how an executor's cores are used, and how much Spark says. */
final class SparkDefaults {

    /** Forward passes at once per executor; see the README's batch measurements. */
    static final int FORWARDS_AT_ONCE = 1;

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(?:,\\d+)?]");

    private SparkDefaults() {}

    /** Cores of one executor: N of local[N] (local[*]: this machine's), else spark.executor.cores, else 1. */
    static int executorCores(String master, SparkConf conf) {
        if (master.equals("local")) {
            return 1;
        }
        Matcher m = LOCAL.matcher(master);
        if (m.matches()) {
            return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
        }
        return conf.getInt("spark.executor.cores", 1);
    }

    /**
     * Spark's INFO log is dozens of lines per job, and its warnings while starting (no native Hadoop library,
     * retries to reach a master) repeat what the run reports in one line: errors only.
     */
    static void verboseLogging() {
        Configurator.setRootLevel(Level.INFO);
    }

    static void quietLogging() {
        Configurator.setRootLevel(Level.ERROR);
    }
}
