package dev.atelier.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPrefetcherTest {

    @TempDir
    Path dir;

    @Test
    void batchesLoadedAheadAreTheBatchesLoadedInLine() throws Exception {
        Path photos = TrainFixtures.photoFolder(dir);
        Files.writeString(photos.resolve("9-not-a-picture.jpg"), "this is text");
        TrainingImages inline = TrainingImages.open(List.of(photos), 32, Crop.RANDOM, 3);
        TrainingImages ahead = TrainingImages.open(List.of(photos), 32, Crop.RANDOM, 3);
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(ahead, 3)) {
            prefetcher.lastStep(6);
            // In order (each batch was loaded during the previous call), then a jump back and forth (a resume).
            for (long step : new long[] {0, 1, 2, 3, 5, 1, 6}) {
                assertThat(prefetcher.batch(step)).as("step %d", step).isEqualTo(inline.batch(step, 3));
            }
        }
        assertThat(ahead.unreadable()).isEqualTo(inline.unreadable()).hasSize(1);
    }
}
