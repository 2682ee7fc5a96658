package dev.atelier.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.batch.BatchException;
import dev.atelier.batch.OutputNames;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The batch on Spark, driver side: lists the inputs (a folder, recursively, or a Hadoop glob) and the outputs
 * already there (skipped unless overwrite), spreads the rest over partitions, collects the failures, writes
 * {@code _atelier_summary.json} into the output folder, and removes temporary files that killed attempts left.
 */
public final class SparkBatch {

    public static final String SUMMARY = "_atelier_summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the job did. */
    public record Result(long done, long skipped, long failed, List<Failure> failures, double seconds) {}

    /** What to run: input and output paths (any Hadoop file system), naming, and how to spread the work. */
    public record Request(String input, String output, OutputNames names, boolean overwrite, int partitions) {}

    private SparkBatch() {}

    /** The work, found on the driver before Spark starts: what to paint, how many are already done. */
    public record Plan(Path outRoot, List<WorkItem> work, long skipped, int partitions, Configuration conf) {}

    /**
     * Lists the inputs and the outputs already there, with the Hadoop configuration Spark will use (so bad paths
     * fail before a context is started).
     */
    public static Plan plan(Configuration conf, Request request) throws IOException {
        Path outRoot = qualify(request.output(), conf);
        Listing inputs = listInputs(request.input(), conf);
        if (inputs.root() != null && isInside(outRoot, inputs.root())) {
            throw new BatchException("output folder " + request.output() + " is inside the input folder "
                    + request.input() + " (the results would be read as inputs); choose another --output");
        }
        FileSystem outFs = HadoopFiles.fs(outRoot, conf);
        removeTemporaries(outFs, outRoot, null); // what earlier runs' killed attempts left
        Set<String> existing = request.overwrite() ? Set.of() : existingOutputs(outFs, outRoot);
        List<WorkItem> work = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long skipped = 0;
        for (String[] in : inputs.files()) {
            String rel = request.names().relativeOutput(in[1]);
            if (!seen.add(rel)) {
                throw new BatchException("two inputs would both be written to " + rel + "; use --name with {path}");
            }
            if (existing.contains(rel)) {
                skipped++;
            } else {
                work.add(new WorkItem(in[0], rel, display(in[0])));
            }
        }
        return new Plan(outRoot, work, skipped, request.partitions(), conf);
    }

    /** A plan with nothing to paint: the summary is written without starting Spark. */
    public static Result nothingToDo(Plan plan) throws IOException {
        Result result = new Result(0, plan.skipped(), 0, List.of(), 0);
        FileSystem outFs = HadoopFiles.fs(plan.outRoot(), plan.conf());
        outFs.mkdirs(plan.outRoot());
        writeSummary(outFs, new Path(plan.outRoot(), SUMMARY), result);
        return result;
    }

    /** Runs the plan's work on Spark; writes the summary and removes what killed attempts left. */
    public static Result run(JavaSparkContext sc, Plan plan, JobSettings settings) throws IOException {
        long start = System.nanoTime();
        LongAccumulator done = sc.sc().longAccumulator("pictures done");
        LongAccumulator failed = sc.sc().longAccumulator("pictures failed");
        List<Failure> failures = List.of();
        List<WorkItem> work = plan.work();
        if (!work.isEmpty()) {
            int partitions = Math.max(1, Math.min(work.size(), plan.partitions() > 0 ? plan.partitions()
                    : sc.defaultParallelism() * 4));
            JavaRDD<WorkItem> rdd = sc.parallelize(work, partitions);
            failures = rdd.mapPartitions(new PaintPartition(settings, new SerializableConfiguration(plan.conf()),
                    done, failed)).collect();
        }
        FileSystem outFs = HadoopFiles.fs(plan.outRoot(), plan.conf());
        removeTemporaries(outFs, plan.outRoot(), settings.runId());
        Result result = new Result(done.value(), plan.skipped(), failed.value(), failures,
                (System.nanoTime() - start) / 1e9);
        writeSummary(outFs, new Path(plan.outRoot(), SUMMARY), result);
        return result;
    }

    private record Listing(Path root, List<String[]> files) {}

    private static Path qualify(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).makeQualified(p);
    }

    /** Every visible file under the input folder, or matching the glob: {full path, path relative to the root}. */
    private static Listing listInputs(String input, Configuration conf) throws IOException {
        Path path = qualify(input, conf);
        FileSystem fs = HadoopFiles.fs(path, conf);
        List<String[]> files = new ArrayList<>();
        boolean glob = input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        if (!glob) {
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new BatchException("input " + input + " does not exist");
            }
            if (!status.isDirectory()) {
                files.add(new String[] {path.toString(), path.getName()});
                return new Listing(null, files);
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            String rootText = path.toUri().getPath();
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String rel = relative(rootText, f.getPath());
                if (!hidden(rel)) {
                    files.add(new String[] {f.getPath().toString(), rel});
                }
            }
            files.sort((a, b) -> a[1].compareTo(b[1]));
            return new Listing(path, files);
        }
        Path base = path;
        while (base.getParent() != null && base.toString().chars().anyMatch(c -> c == '*' || c == '?' || c == '['
                || c == '{')) {
            base = base.getParent();
        }
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            throw new BatchException("input " + input + " matches no file");
        }
        String rootText = base.toUri().getPath();
        for (FileStatus f : matches) {
            if (f.isFile()) {
                String rel = relative(rootText, f.getPath());
                if (!hidden(rel)) {
                    files.add(new String[] {f.getPath().toString(), rel});
                }
            }
        }
        files.sort((a, b) -> a[1].compareTo(b[1]));
        return new Listing(base, files);
    }

    /** A local file as a plain path (as the user typed it), anything else as its URI. */
    private static String display(String qualified) {
        URI uri = new Path(qualified).toUri();
        return "file".equals(uri.getScheme()) ? uri.getPath() : qualified;
    }

    private static String relative(String root, Path file) {
        String p = file.toUri().getPath();
        String r = root.endsWith("/") ? root : root + "/";
        return p.startsWith(r) ? p.substring(r.length()) : file.getName();
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInside(Path child, Path parent) {
        URI c = child.toUri();
        URI p = parent.toUri();
        String cp = c.getPath().endsWith("/") ? c.getPath() : c.getPath() + "/";
        String pp = p.getPath().endsWith("/") ? p.getPath() : p.getPath() + "/";
        return java.util.Objects.equals(c.getScheme(), p.getScheme())
                && java.util.Objects.equals(c.getAuthority(), p.getAuthority()) && cp.startsWith(pp);
    }

    /** Outputs already written (relative paths), from one listing of the output folder. */
    private static Set<String> existingOutputs(FileSystem fs, Path root) throws IOException {
        Set<String> out = new HashSet<>();
        if (!fs.exists(root)) {
            return out;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        String rootText = root.toUri().getPath();
        while (it.hasNext()) {
            out.add(relative(rootText, it.next().getPath()));
        }
        return out;
    }

    /**
     * Temporary files of attempts that died before cleaning up (an executor killed mid-write): this run's, or
     * with {@code runId} null (before the job starts) any run's.
     */
    private static void removeTemporaries(FileSystem fs, Path root, String runId) throws IOException {
        if (!fs.exists(root)) {
            return;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        List<Path> stale = new ArrayList<>();
        while (it.hasNext()) {
            Path p = it.next().getPath();
            if (p.getName().endsWith(HadoopFiles.TEMP_SUFFIX)
                    && (runId == null || p.getName().contains("." + runId + "-"))) {
                stale.add(p);
            }
        }
        for (Path p : stale) {
            fs.delete(p, false);
        }
    }

    private static void writeSummary(FileSystem fs, Path file, Result result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("done", result.done());
        root.put("skipped", result.skipped());
        root.put("failed", result.failed());
        root.put("seconds", result.seconds());
        ArrayNode failures = root.putArray("failures");
        for (Failure f : result.failures()) {
            failures.addObject().put("input", f.input()).put("reason", f.reason());
        }
        HadoopFiles.writeSmall(fs, file, JSON.writeValueAsBytes(root));
    }
}
