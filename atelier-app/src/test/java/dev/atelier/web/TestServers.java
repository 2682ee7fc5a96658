package dev.atelier.web;

import dev.atelier.SharedFiles;
import dev.atelier.transfer.Schedule;
import dev.atelier.weights.KerasH5Reader;
import dev.atelier.weights.VggWeights;
import java.nio.file.Path;
import java.time.Duration;

/** Servers on an ephemeral loopback port with the tiny shared VGG16, for the web tests. */
final class TestServers {

    private static VggWeights weights;

    private TestServers() {}

    static synchronized VggWeights weights() {
        if (weights == null) {
            weights = KerasH5Reader.read(SharedFiles.tinyWeights());
        }
        return weights;
    }

    /** The gallery: the shared small images, used where they are. */
    static Path styles() {
        return SharedFiles.root().resolve("images").resolve("small");
    }

    static ServerSettings settings(Schedule schedule, int queue, long maxUploadBytes, Duration previewInterval) {
        return new ServerSettings("127.0.0.1", 0, styles(), null, queue, maxUploadBytes,
                ServerSettings.DEFAULT_MAX_PIXELS, 256, 64, Duration.ofMinutes(5), previewInterval, schedule);
    }

    static WebServer start(ServerSettings settings) {
        return WebServer.start(weights(), settings);
    }
}
