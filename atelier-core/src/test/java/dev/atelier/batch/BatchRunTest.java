package dev.atelier.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunTest {

    @TempDir
    Path tmp;
    Path in;
    Path out;
    final AtomicInteger opened = new AtomicInteger();
    InvertingNetwork network;

    @BeforeEach
    void pictures() throws IOException {
        in = Files.createDirectories(tmp.resolve("photos"));
        out = tmp.resolve("styled");
        picture(in.resolve("a.png"), 1, "png");
        picture(Files.createDirectories(in.resolve("trip/day1")).resolve("b.jpg"), 2, "jpeg");
        picture(in.resolve("trip/c.png"), 3, "png");
        Files.write(in.resolve("corrupt.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3});
        Files.writeString(in.resolve("notes.txt"), "not a picture\n");
        Files.writeString(in.resolve(".hidden.png"), "never listed\n");
    }

    static void picture(Path file, long seed, String format) throws IOException {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(20 + (int) seed, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        ImageIO.write(image, format, file.toFile());
    }

    private BatchSummary run(boolean overwrite, int parallel, List<BatchProgress> events) {
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames(null, "invert"), overwrite, parallel,
                ImageBytes.DEFAULT_MAX_PIXELS);
        List<BatchInput> inputs = BatchInputs.resolve(in.toString());
        BatchRun.checkLayout(in, inputs, settings);
        BatchRun run = new BatchRun(settings, () -> {
            opened.incrementAndGet();
            network = new InvertingNetwork();
            return Painter.of(network, "invert");
        });
        try {
            return run.run(inputs, events::add);
        } finally {
            run.closePainter();
        }
    }

    @Test
    void paintsEveryPictureListsBadFilesAndSkipsOnTheNextRun() throws IOException {
        List<BatchProgress> events = new ArrayList<>();
        BatchSummary first = run(false, 1, events);

        assertThat(first.files()).extracting(FileOutcome::input).containsExactly(
                in.resolve("a.png").toString(), in.resolve("corrupt.jpg").toString(),
                in.resolve("notes.txt").toString(), in.resolve("trip/c.png").toString(),
                in.resolve("trip/day1/b.jpg").toString());
        assertThat(first.count(FileOutcome.Status.DONE)).isEqualTo(3);
        assertThat(first.count(FileOutcome.Status.FAILED)).isEqualTo(2);
        assertThat(first.files()).filteredOn(f -> f.status() == FileOutcome.Status.FAILED)
                .allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        for (String name : List.of("a.png", "trip/c.png", "trip/day1/b.jpg")) {
            BufferedImage expected = InvertingNetwork.paint(ImageLoader.read(in.resolve(name)));
            BufferedImage written = ImageLoader.read(out.resolve(name + ".invert.png"));
            assertThat(pixels(written)).isEqualTo(pixels(expected));
        }
        assertThat(out.resolve("corrupt.jpg.invert.png")).doesNotExist();
        assertThat(network.closed).isTrue();
        assertThat(opened).hasValue(1);
        assertThat(events).hasSize(5);
        assertThat(events.get(4).finished()).isEqualTo(5);
        assertThat(events.get(4).filesPerSecond()).isPositive();
        assertThat(tmpFiles(out)).isEmpty();

        BatchSummary second = run(false, 1, new ArrayList<>());
        assertThat(second.count(FileOutcome.Status.SKIPPED)).isEqualTo(3);
        assertThat(second.count(FileOutcome.Status.FAILED)).isEqualTo(2);
        assertThat(opened).as("nothing left that decodes: the network is not loaded").hasValue(1);

        Path a = out.resolve("a.png.invert.png");
        Files.write(a, new byte[] {1});
        run(false, 1, new ArrayList<>());
        assertThat(Files.size(a)).as("skipped, not redone").isEqualTo(1);
        BatchSummary redo = run(true, 1, new ArrayList<>());
        assertThat(redo.count(FileOutcome.Status.DONE)).isEqualTo(3);
        assertThat(Files.size(a)).isGreaterThan(100);
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemoved() throws IOException {
        Path left = Files.createDirectories(out.resolve("trip")).resolve(".c.png.invert.png.5f3a9c1e.tmp");
        Files.write(left, new byte[] {(byte) 0x89, 'P', 'N'});
        Path mine = Files.writeString(out.resolve(".keep.tmp.txt"), "not ours");
        run(false, 1, new ArrayList<>());
        assertThat(left).doesNotExist();
        assertThat(mine).exists();
        assertThat(out.resolve("trip/c.png.invert.png")).exists();
    }

    @Test
    void parallelFilesWriteTheSameBytes() throws IOException {
        run(false, 1, new ArrayList<>());
        byte[] one = Files.readAllBytes(out.resolve("trip/c.png.invert.png"));
        BatchSummary two = run(true, 2, new ArrayList<>());
        assertThat(two.count(FileOutcome.Status.DONE)).isEqualTo(3);
        assertThat(Files.readAllBytes(out.resolve("trip/c.png.invert.png"))).isEqualTo(one);
    }

    @Test
    void reasonsNameTheProblem() {
        BatchSummary summary = run(false, 2, new ArrayList<>());
        assertThat(reason(summary, "corrupt.jpg")).isNotEmpty();
        assertThat(reason(summary, "notes.txt")).containsIgnoringCase("not");
    }

    @Test
    void tooLargeIsRefusedBeforeDecoding() {
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames(null, "invert"), false, 1, 100);
        BatchSummary summary = new BatchRun(settings, () -> Painter.of(new InvertingNetwork(), "invert"))
                .run(BatchInputs.resolve(in.resolve("a.png").toString()), e -> {});
        assertThat(summary.files().get(0).status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(summary.files().get(0).reason()).contains("pixels");
    }

    @Test
    void aPainterThatCannotOpenStopsTheRun() {
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames(null, "x"), false, 2, 1 << 20);
        BatchRun run = new BatchRun(settings, () -> {
            throw new IllegalStateException("no such network");
        });
        assertThatThrownBy(() -> run.run(BatchInputs.resolve(in.toString()), e -> {}))
                .isInstanceOf(IllegalStateException.class).hasMessage("no such network");
    }

    @Test
    void outputInsideTheInputIsRefused() {
        BatchRun.Settings settings = new BatchRun.Settings(in.resolve("styled"), new OutputNames(null, "x"), false, 1,
                1 << 20);
        assertThatThrownBy(() -> BatchRun.checkLayout(in, BatchInputs.resolve(in.toString()), settings))
                .isInstanceOf(BatchException.class).hasMessageContaining("inside the input folder");
    }

    @Test
    void twoInputsForOneOutputAreRefused() {
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames("{stem}.{style}.png", "x"), false, 1,
                1 << 20);
        List<BatchInput> inputs = List.of(new BatchInput(in.resolve("a.png"), "a.png"),
                new BatchInput(in.resolve("a.jpg"), "a.jpg"));
        assertThatThrownBy(() -> BatchRun.checkLayout(in, inputs, settings))
                .hasMessageContaining("would both be written to a.x.png");
    }

    private static String reason(BatchSummary s, String name) {
        return s.files().stream().filter(f -> f.input().endsWith(name)).findFirst().orElseThrow().reason();
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static List<Path> tmpFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
