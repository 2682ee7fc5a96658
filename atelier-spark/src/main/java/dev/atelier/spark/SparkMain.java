package dev.atelier.spark;

import dev.atelier.batch.BatchException;
import dev.atelier.batch.OutputNames;
import dev.atelier.batch.StyleSource;
import dev.atelier.image.ImageException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atelier spark}: the batch on Spark. Run by the launcher in local mode ({@code --master local[2]}), or by
 * spark-submit from the shaded job jar on a cluster (the master then comes from spark-submit).
 */
@Command(name = "atelier spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stylizes every picture under --input into --output on Spark: local mode in this process, or "
                + "a cluster through spark-submit. Paths may be local, hdfs:// or s3a://. Exit 0 when all "
                + "succeeded, 3 when some failed.")
public final class SparkMain implements Callable<Integer> {

    static final int SOME_FAILED = 3;

    @Option(names = "--master", paramLabel = "URL",
            description = "local[N], spark://HOST:PORT, yarn, k8s://… (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--input", paramLabel = "DIR|GLOB", required = true,
            description = "A folder (every file under it) or a glob, on any Hadoop file system.")
    String input;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where results go.")
    String output;

    @Option(names = "--model", paramLabel = "NAME", description = "A style network from the catalogue; each executor "
            + "downloads it once into its cache.")
    String model;

    @Option(names = "--weights", paramLabel = "PATH", description = "A style network's folder or file that every "
            + "executor can read, or the name of one shipped with --files/--archives.")
    String weights;

    @Option(names = "--mirror", paramLabel = "URL", description = "Download models from this server.")
    String mirror;

    @Option(names = "--name", paramLabel = "PATTERN", defaultValue = OutputNames.DEFAULT,
            description = "Output names, as for batch (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--overwrite", description = "Redo pictures whose output exists.")
    boolean overwrite;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions of the input list (default: 4 per core of the application).")
    int partitions;

    @Option(names = "--executor-cores", paramLabel = "N", defaultValue = "0",
            description = "Cores per executor for the engine's threads (default: N of local[N], else "
                    + "spark.executor.cores, else 1).")
    int executorCores;

    @Option(names = "--forwards", paramLabel = "N", defaultValue = "" + SparkDefaults.FORWARDS_AT_ONCE,
            description = "Forward passes an executor runs at once; its cores are divided between them "
                    + "(default: ${DEFAULT-VALUE}, as measured best for batch).")
    int forwards;

    @Option(names = "--max-megapixels", paramLabel = "MP", defaultValue = "50", description = "Larger pictures fail.")
    int maxMegapixels;

    @Option(names = "--verbose", description = "Spark's own log at INFO (default: warnings only).")
    boolean verbose;

    /** Test-only: the first attempt of partition 0 dies half-way through its second picture. */
    @Option(names = "--test-fail-first-attempt", hidden = true)
    boolean failFirstAttempt;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new SparkMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if ("1".equals(System.getenv("ATELIER_DEBUG"))) {
                        e.printStackTrace(cmd.getErr());
                    }
                    cmd.getErr().println("atelier spark: " + describe(e));
                    return 1;
                })
                .setParameterExceptionHandler((e, args2) -> {
                    e.getCommandLine().getErr().println("atelier spark: " + e.getMessage()
                            + " (see 'atelier spark --help')");
                    return 2;
                })
                .execute(args);
    }

    static String describe(Throwable e) {
        boolean known = e instanceof BatchException || e instanceof ImageException;
        Throwable root = e;
        while (!known && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.replaceAll("\\s*\\R[\\s\\S]*", "").trim(); // the first line: Spark appends stack traces to messages
        return known ? m : root.getClass().getSimpleName() + ": " + m;
    }

    @Override
    public Integer call() throws Exception {
        if ((model == null) == (weights == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give one of --model NAME or --weights PATH");
        }
        if (forwards < 1 || partitions < 0 || executorCores < 0 || maxMegapixels < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--forwards and --max-megapixels must be at least 1, --partitions and --executor-cores at least 0");
        }
        StyleSource style = model != null ? StyleSource.model(model, mirror) : StyleSource.weights(weights);
        if (model != null) {
            style.check();
        }
        OutputNames names = new OutputNames(name, style.styleName());
        SparkConf conf = new SparkConf().setAppName("atelier batch " + style.styleName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        String effectiveMaster = conf.get("spark.master");
        MasterProbe.check(effectiveMaster);
        int cores = executorCores > 0 ? executorCores : SparkDefaults.executorCores(effectiveMaster, conf);
        if (verbose) {
            SparkDefaults.verboseLogging();
        }
        long start = System.nanoTime();
        SparkBatch.Plan plan = SparkBatch.plan(SparkHadoopUtil.get().newConfiguration(conf),
                new SparkBatch.Request(input, output, names, overwrite, partitions));
        if (plan.work().isEmpty()) { // every output is there: no need to start Spark
            return report(SparkBatch.nothingToDo(plan), start);
        }
        try (JavaSparkContext sc = MasterProbe.start(conf, !verbose)) {
            if (!verbose) {
                sc.setLogLevel("ERROR");
            }
            JobSettings settings = new JobSettings(style, output, maxMegapixels * 1_000_000L,
                    Math.max(1, cores / forwards), Math.min(forwards, cores), runId(), failFirstAttempt);
            return report(SparkBatch.run(sc, plan, settings), start);
        } finally {
            ExecutorNetworks.close();
        }
    }

    private int report(SparkBatch.Result r, long start) {
        for (Failure f : r.failures()) {
            System.err.println("atelier: failed " + f.input() + ": " + f.reason());
        }
        System.err.printf(Locale.ROOT, "atelier: %d done, %d skipped, %d failed of %d files in %.1f s%s; "
                        + "summary in %s/%s%n", r.done(), r.skipped(), r.failed(), r.done() + r.skipped() + r.failed(),
                (System.nanoTime() - start) / 1e9, r.done() == 0 ? "" : String.format(Locale.ROOT,
                        " (%.2f files/s)", r.done() / r.seconds()), output, SparkBatch.SUMMARY);
        return r.failed() == 0 ? 0 : SOME_FAILED;
    }

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
