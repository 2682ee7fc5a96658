package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffeImageFiles;
import dev.atelier.network.DarknetNetwork;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.weights.DarknetWeights;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * On Darknet Tiny at 96×128, from the same noise PNG, the seed schedule on the reference's darknet layers ends
 * within 2% of {@code reference_nst.py run --network darknet-tiny} (fixture: darknet-run.json).
 */
class DarknetScheduleTest {

    @Test
    void seedScheduleOnDarknetEndsWhereTheReferenceDoes() throws IOException {
        double reference = new ObjectMapper().readTree(SharedFiles.fixture("darknet-run.json").toFile())
                .get("final_loss").asDouble();
        CaffeImage content = CaffeImageFiles.load(SharedFiles.smallImage("tubingen-128x96.png"), 96, 128);
        CaffeImage style = CaffeImageFiles.load(SharedFiles.smallImage("starry_night-128x96.png"), 96, 128);
        Init noise = new Init.Image(CaffeImageFiles.load(SharedFiles.fixture("noise-128x96.png"), 96, 128));
        try (NDManager manager = NDManager.newBaseManager()) {
            FeatureNetwork network = new DarknetNetwork(DarknetWeights.read(SharedFiles.darknet()), manager);
            LossSpec seed = Recipe.of(Preset.SEED).lossSpec(network);
            Stylizer.Result r = new Stylizer(network).run(content, style, noise, seed, Schedule.seed(), p -> true);
            assertThat(r.loss().total()).as("seed schedule on darknet vs reference").isCloseTo(reference,
                    within(reference * 0.02));
        }
    }
}
