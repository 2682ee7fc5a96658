package dev.atelier.video;

import dev.atelier.SharedFiles;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import java.nio.file.Path;

/** The real instant styles the video tests use: Engstrom's "wave" from the shared mirror (deeplearn.js folder). */
final class TestNetworks {

    private TestNetworks() {
    }

    static Path waveFolder() {
        return SharedFiles.root().resolve("mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8"
                + "/models/style-transfer/wave");
    }

    static StyleNetwork wave() {
        return StyleNetworks.open(waveFolder());
    }
}
