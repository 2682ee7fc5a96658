package dev.atelier.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.batch.BatchInputs;
import dev.atelier.batch.BatchRun;
import dev.atelier.batch.BatchSummary;
import dev.atelier.batch.FileOutcome;
import dev.atelier.batch.ImageBytes;
import dev.atelier.batch.OutputNames;
import dev.atelier.batch.Painter;
import dev.atelier.batch.StyleSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `atelier spark` in local mode, in this JVM, against `batch` on the same folder, with the real wave network. */
class SparkBatchTest {

    @TempDir
    Path tmp;
    Path photos;
    Path weights;
    static final AtomicInteger OPENED = new AtomicInteger();

    static Path shared() {
        String env = System.getenv("ATELIER_SHARED");
        Path root = Path.of(env != null ? env : "../../shared");
        Assumptions.assumeTrue(Files.isDirectory(root), "shared folder not found at " + root.toAbsolutePath());
        return root;
    }

    @BeforeEach
    void setUp() throws IOException {
        photos = Files.createDirectories(tmp.resolve("photos"));
        weights = shared().resolve("mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8"
                + "/models/style-transfer/wave");
        Path small = shared().resolve("images/small");
        String[] names = {"golden_gate-64x64.png", "the_scream-64x64.png", "tubingen-128x96.png"};
        for (int i = 0; i < 6; i++) {
            Path dir = Files.createDirectories(photos.resolve(i < 3 ? "." : "sub"));
            Files.copy(small.resolve(names[i % 3]), dir.resolve("p" + i + ".png"));
        }
        Files.write(photos.resolve("corrupt.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        Files.writeString(photos.resolve("notes.txt"), "not a picture\n");
        ExecutorNetworks.opener = source -> {
            OPENED.incrementAndGet();
            return source.open();
        };
        OPENED.set(0);
    }

    @AfterEach
    void tearDown() {
        ExecutorNetworks.close();
        ExecutorNetworks.opener = StyleSource::open;
    }

    record Run(int exit, String err) {}

    static Run spark(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = SparkMain.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private Map<String, byte[]> batchOutputs() throws IOException {
        Path out = tmp.resolve("batch");
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames(null, "wave"), false, 1,
                ImageBytes.DEFAULT_MAX_PIXELS);
        BatchRun batch = new BatchRun(settings, () -> Painter.of(StyleSource.weights(weights.toString()).open(), "wave"));
        BatchSummary summary = batch.run(BatchInputs.resolve(photos.toString()), e -> {});
        batch.closePainter();
        assertThat(summary.count(FileOutcome.Status.DONE)).isEqualTo(6);
        return files(out);
    }

    @Test
    void localModeWritesWhatBatchWritesAndListsFailures() throws IOException {
        Path out = tmp.resolve("spark");
        Run run = spark("--master", "local[2]", "--input", photos.toString(), "--output", out.toString(),
                "--weights", weights.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip().lines()).as("Spark's log stays quiet: failures and counts only").hasSize(3);
        assertThat(run.err()).contains("6 done, 0 skipped, 2 failed of 8 files")
                .contains("failed " + photos.resolve("corrupt.jpg") + ": ")
                .contains("notes.txt");
        assertThat(OPENED).as("one network for the executor's tasks").hasValue(1);

        Map<String, byte[]> spark = files(out);
        String summary = new String(spark.remove(SparkBatch.SUMMARY), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"done\" : 6", "\"failed\" : 2", "corrupt.jpg", "notes.txt");
        Map<String, byte[]> batch = batchOutputs();
        assertThat(spark.keySet()).isEqualTo(batch.keySet()).hasSize(6);
        for (String name : batch.keySet()) {
            assertThat(spark.get(name)).as(name).isEqualTo(batch.get(name));
        }

        Run again = spark("--master", "local[2]", "--input", photos.toString(), "--output", out.toString(),
                "--weights", weights.toString());
        assertThat(again.err()).contains("0 done, 6 skipped, 2 failed");

        Files.delete(photos.resolve("corrupt.jpg"));
        Files.delete(photos.resolve("notes.txt"));
        Run done = spark("--master", "local[2]", "--input", photos.toString(), "--output", out.toString(),
                "--weights", weights.toString());
        assertThat(done.exit()).isZero();
        assertThat(done.err()).contains("0 done, 6 skipped, 0 failed");
    }

    @Test
    void aTaskThatDiesOnItsFirstAttemptIsRetriedWithoutDuplicatesOrPartials() throws IOException {
        Path out = tmp.resolve("spark");
        Files.delete(photos.resolve("corrupt.jpg"));
        Files.delete(photos.resolve("notes.txt"));
        // local[2,3]: two cores, a task may fail up to three times; one partition holds every picture, so the
        // first attempt writes one picture, leaves half of the second in a temporary file, and dies.
        Run run = spark("--master", "local[2,3]", "--input", photos.toString(), "--output", out.toString(),
                "--weights", weights.toString(), "--partitions", "1", "--test-fail-first-attempt");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("6 done, 0 skipped, 0 failed");
        Map<String, byte[]> spark = files(out);
        spark.remove(SparkBatch.SUMMARY);
        assertThat(spark.keySet()).as("no temporary or duplicate files").isEqualTo(batchOutputs().keySet());
        try (Stream<Path> walk = Files.walk(out)) {
            assertThat(walk.filter(p -> p.getFileName().toString().startsWith(".")).toList()).isEmpty();
        }
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Run missing = spark("--master", "local[1]", "--input", tmp.resolve("nope").toString(), "--output",
                tmp.resolve("o").toString(), "--weights", weights.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("atelier spark: input " + tmp.resolve("nope") + " does not exist");

        Run inside = spark("--master", "local[1]", "--input", photos.toString(), "--output",
                photos.resolve("out").toString(), "--weights", weights.toString());
        assertThat(inside.err().strip().lines()).hasSize(1);
        assertThat(inside.err()).contains("is inside the input folder");

        long t0 = System.nanoTime();
        Run unreachable = spark("--master", "spark://127.0.0.1:1", "--input", photos.toString(), "--output",
                tmp.resolve("o").toString(), "--weights", weights.toString());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err().strip()).startsWith("atelier spark: cannot reach the Spark master "
                + "spark://127.0.0.1:1").doesNotContain("\n");

        Run unknown = spark("--master", "local[1]", "--input", photos.toString(), "--output",
                tmp.resolve("o").toString(), "--model", "no-such-style");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).startsWith("atelier spark: unknown style model 'no-such-style'")
                .doesNotContain("\n");
        assertThat(List.of(tmp.resolve("o"))).allSatisfy(p -> assertThat(p).doesNotExist());
    }
}
