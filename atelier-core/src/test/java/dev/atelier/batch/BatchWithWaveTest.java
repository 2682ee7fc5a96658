package dev.atelier.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.SharedFiles;
import dev.atelier.image.ImageLoader;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch with a real trained network (Engstrom's wave from the shared mirror) on small pictures. */
class BatchWithWaveTest {

    @TempDir
    Path tmp;

    static Path wave() {
        return SharedFiles.root().resolve("mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8"
                + "/models/style-transfer/wave");
    }

    @Test
    void everyPictureIsWhatApplyPaintsAndBadFilesAreListed() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        List<String> names = List.of("golden_gate-64x64.png", "tubingen-128x96.png", "sub/the_scream-64x64.png");
        for (String n : names) {
            Files.copy(SharedFiles.smallImage(Path.of(n).getFileName().toString()), tmp.resolve("in").resolve(n));
        }
        Files.write(tmp.resolve("in/corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Files.writeString(tmp.resolve("in/readme.txt"), "text\n");
        Path out = tmp.resolve("out");
        BatchRun.Settings settings = new BatchRun.Settings(out, new OutputNames(null, "wave"), false, 2, 1, 1 << 24);

        BatchSummary first;
        try (StyleNetwork reference = StyleNetworks.open(wave())) {
            BatchRun run = new BatchRun(settings, () -> Painter.of(StyleNetworks.open(wave()), "wave"));
            first = run.run(BatchInputs.resolve(tmp.resolve("in").toString()), p -> {});
            run.closePainter();
            for (String n : names) {
                int[] written = BatchRunTest.pixels(ImageLoader.read(out.resolve(n + ".wave.png")));
                int[] applied = BatchRunTest.pixels(reference.apply(ImageLoader.read(tmp.resolve("in").resolve(n))));
                assertThat(written).as(n).isEqualTo(applied);
            }
        }
        assertThat(first.count(FileOutcome.Status.DONE)).isEqualTo(3);
        assertThat(first.files()).filteredOn(f -> f.status() == FileOutcome.Status.FAILED)
                .extracting(FileOutcome::input)
                .containsExactly(tmp.resolve("in/corrupt.png").toString(), tmp.resolve("in/readme.txt").toString());

        List<Object> opened = new ArrayList<>();
        BatchSummary again = new BatchRun(settings, () -> {
            opened.add(1);
            return Painter.of(StyleNetworks.open(wave()), "wave");
        }).run(BatchInputs.resolve(tmp.resolve("in").toString()), p -> {});
        assertThat(again.count(FileOutcome.Status.SKIPPED)).isEqualTo(3);
        assertThat(again.count(FileOutcome.Status.FAILED)).isEqualTo(2);
        assertThat(opened).isEmpty();
    }
}
