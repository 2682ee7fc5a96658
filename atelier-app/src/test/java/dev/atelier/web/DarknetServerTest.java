package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.SharedFiles;
import dev.atelier.transfer.Schedule;
import dev.atelier.weights.DarknetWeights;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The web app paints on Darknet Tiny too, with the darknet preset. */
class DarknetServerTest {

    @Test
    void aJobRunsOnDarknetTiny() throws Exception {
        try (WebServer server = WebServer.start(DarknetWeights.read(SharedFiles.darknet()),
                TestServers.settings(new Schedule(2, 5, true, 10), 2, 1 << 20, Duration.ofMillis(1)))) {
            ApiClient api = new ApiClient(server.uri());
            ApiClient.Reply accepted = api.submit(new ApiClient.Form()
                    .file("content", SharedFiles.smallImage("tubingen-128x96.png"))
                    .file("style", SharedFiles.smallImage("starry_night-128x96.png")).field("size", "64"));
            assertThat(accepted.status()).isEqualTo(202);
            JsonNode done = api.awaitFinal(accepted.json().path("id").asText(), Duration.ofMinutes(3));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
            assertThat(done.path("width").asInt()).isEqualTo(64);
            assertThat(done.path("progress").path("loss").asDouble()).isPositive();
        }
    }
}
