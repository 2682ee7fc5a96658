package dev.atelier.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.batch.BatchInputs;
import dev.atelier.batch.BatchRun;
import dev.atelier.batch.BatchSummary;
import dev.atelier.batch.FileOutcome;
import dev.atelier.batch.ImageBytes;
import dev.atelier.batch.OutputNames;
import dev.atelier.batch.Painter;
import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `atelier spark` in local mode, in this JVM, against `batch` on the same folder. */
class SparkBatchTest {

    @TempDir
    Path tmp;
    Path photos;
    Path weights;
    static final AtomicInteger OPENED = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        photos = Files.createDirectories(tmp.resolve("photos"));
        weights = Files.createDirectories(tmp.resolve("swap"));
        for (int i = 0; i < 6; i++) {
            picture(Files.createDirectories(photos.resolve(i % 2 == 0 ? "." : "sub")).resolve("p" + i + ".png"), i);
        }
        Files.write(photos.resolve("corrupt.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        Files.writeString(photos.resolve("notes.txt"), "not a picture\n");
        ExecutorNetworks.opener = source -> {
            OPENED.incrementAndGet();
            return new Swapping();
        };
        OPENED.set(0);
    }

    @AfterEach
    void tearDown() {
        ExecutorNetworks.close();
    }

    static void picture(Path file, long seed) throws IOException {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(30 + (int) seed, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** A deterministic stand-in network for this module's plumbing tests: swaps red and blue. */
    static final class Swapping implements StyleNetwork {
        @Override
        public String name() {
            return "swap";
        }

        @Override
        public BufferedImage apply(BufferedImage photo) {
            BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < photo.getHeight(); y++) {
                for (int x = 0; x < photo.getWidth(); x++) {
                    int p = photo.getRGB(x, y);
                    out.setRGB(x, y, (p & 0xff) << 16 | p & 0xff00 | p >> 16 & 0xff);
                }
            }
            return out;
        }

        @Override
        public void close() {
        }
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
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames(null, "swap"), false, 1,
                ImageBytes.DEFAULT_MAX_PIXELS);
        BatchSummary summary = new BatchRun(settings, () -> Painter.of(new Swapping(), "swap"))
                .run(BatchInputs.resolve(photos.toString()), e -> {});
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
