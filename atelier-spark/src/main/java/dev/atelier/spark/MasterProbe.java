package dev.atelier.spark;

import dev.atelier.batch.BatchException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Fails fast on a standalone master that cannot be reached: Spark itself retries registering for a minute before
 * it gives up. Other masters (local, yarn, k8s) are left to Spark.
 */
final class MasterProbe {

    static final int TIMEOUT_MILLIS = 3000;

    private MasterProbe() {}

    /** Seconds a standalone master has to accept the application before the run gives up. */
    static final int REGISTER_SECONDS = 10;

    /**
     * Starts the context; for a standalone master, gives up (one line, exit 1) if the master has not accepted the
     * application within {@link #REGISTER_SECONDS}: something listening there that is not a Spark master makes
     * Spark retry for a minute.
     */
    static JavaSparkContext start(SparkConf conf, boolean quiet) {
        String master = conf.get("spark.master");
        if (!master.startsWith("spark://")) {
            return new JavaSparkContext(conf);
        }
        if (quiet) {
            // Registration failures are logged as errors with stack traces, once per retry; the run says it in one line.
            Configurator.setRootLevel(Level.OFF);
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(REGISTER_SECONDS * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("atelier spark: the Spark master " + master + " did not accept the application within "
                    + REGISTER_SECONDS + " s (is a Spark master of a compatible version listening there? --verbose "
                    + "shows Spark's log)");
            Runtime.getRuntime().halt(1);
        }, "atelier-master-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return new JavaSparkContext(conf);
        } finally {
            watchdog.interrupt();
            if (quiet) {
                SparkDefaults.quietLogging();
            }
        }
    }

    static void check(String master) {
        if (master == null || !master.startsWith("spark://")) {
            return;
        }
        String problem = null;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new BatchException("--master " + master + ": bad port in " + hostPort);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new BatchException("cannot reach the Spark master " + master + " (" + problem + ")");
    }
}
