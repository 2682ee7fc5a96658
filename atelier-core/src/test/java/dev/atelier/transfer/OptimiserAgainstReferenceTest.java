package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffeImageFiles;
import dev.atelier.network.Pooling;
import dev.atelier.weights.KerasH5Reader;
import dev.atelier.weights.VggWeights;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * On the channels/8 weights at 96×128, from the same noise PNG, the seed schedule ends no higher than
 * {@code reference_nst.py run} (fixture: reference-run.json), and a continuous run of the same budget lower still.
 */
class OptimiserAgainstReferenceTest {

    @Test
    void seedScheduleMatchesTheReferenceAndAContinuousRunBeatsIt() throws IOException {
        double reference = new ObjectMapper().readTree(SharedFiles.fixture("reference-run.json").toFile())
                .get("final_loss").asDouble();
        VggWeights weights = KerasH5Reader.read(SharedFiles.tinyWeights());
        CaffeImage content = CaffeImageFiles.load(SharedFiles.smallImage("tubingen-128x96.png"), 96, 128);
        CaffeImage style = CaffeImageFiles.load(SharedFiles.smallImage("starry_night-128x96.png"), 96, 128);
        Init noise = new Init.Image(CaffeImageFiles.load(SharedFiles.fixture("noise-128x96.png"), 96, 128));
        Stylizer stylizer = new Stylizer(weights, Pooling.MAX);
        LossSpec seed = LossSpec.seed(LossWeights.seed());

        double restarted = stylizer.run(content, style, noise, seed, Schedule.seed(), p -> true).loss().total();
        double continuous = stylizer.run(content, style, noise, seed, new Schedule(10, 20, false, 10), p -> true)
                .loss().total();

        assertThat(restarted).as("seed schedule vs reference %s", reference).isLessThanOrEqualTo(reference * 1.02);
        assertThat(continuous).as("continuous vs seed schedule").isLessThan(restarted);
    }
}
