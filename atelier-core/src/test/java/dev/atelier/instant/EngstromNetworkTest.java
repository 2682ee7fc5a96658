package dev.atelier.instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.atelier.SharedFiles;
import dev.atelier.weights.WeightsException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engstrom family against {@code reference_fast.py apply} on the mirror's wave, and its checks of the folder. */
class EngstromNetworkTest {

    static Path mirrorStyle(String name) {
        Path p = SharedFiles.root().resolve("mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8"
                + "/models/style-transfer/" + name);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(p), p + " is absent");
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"64x64", "101x75", "512x384"})
    void waveMatchesTheReference(String size) {
        try (StyleNetwork net = StyleNetworks.open(mirrorStyle("wave"), Device.cpu())) {
            BufferedImage photo = PictureComparison.read(PictureComparison.fixture("tubingen-" + size + ".png"));
            BufferedImage painted = net.apply(photo);
            PictureComparison.assertAgrees(painted, PictureComparison.fixture("wave-" + size + ".png"));
        }
    }

    private static Path copyOfWave(Path dir) throws IOException {
        Path copy = dir.resolve("wave");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(mirrorStyle("wave"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void assertRefused(Path folder, String... parts) {
        assertThatThrownBy(() -> StyleNetworks.open(folder, Device.cpu()))
                .isInstanceOf(WeightsException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContainingAll(parts);
    }

    @Test
    void aShapeThatDoesNotMatchTheNetworkIsRefused(@TempDir Path dir) throws IOException {
        Path wave = copyOfWave(dir);
        Path manifest = wave.resolve("manifest.json");
        // Variable_3 is the 3x3x32x64 kernel; claim 3x3x64x32 (same bytes, wrong layout)
        String text = Files.readString(manifest).replaceFirst(
                "(\"Variable_3\": \\{\\s*\"filename\": \"Variable_3\",\\s*\"shape\": \\[\\s*3,\\s*3,\\s*)32,(\\s*)64",
                "$164,$232");
        assertThat(text).isNotEqualTo(Files.readString(manifest));
        Files.writeString(manifest, text);
        assertRefused(wave, "Variable_3", "[3, 3, 64, 32]", "needs [3, 3, 32, 64]");
    }

    @Test
    void aMissingVariableFileIsRefused(@TempDir Path dir) throws IOException {
        Path wave = copyOfWave(dir);
        Files.delete(wave.resolve("Variable_17"));
        assertRefused(wave, "'Variable_17'", "is missing");
    }

    @Test
    void aShortVariableFileIsRefused(@TempDir Path dir) throws IOException {
        Path wave = copyOfWave(dir);
        byte[] b = Files.readAllBytes(wave.resolve("Variable_12"));
        Files.write(wave.resolve("Variable_12"), java.util.Arrays.copyOf(b, b.length - 4));
        assertRefused(wave, "Variable_12", (b.length - 4) + " bytes", "needs " + b.length, "truncated");
    }

    @Test
    void aFileNameOutsideTheFolderIsRefused(@TempDir Path dir) throws IOException {
        Path wave = copyOfWave(dir);
        Path manifest = wave.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"filename\": \"Variable_5\"", "\"filename\": \"../../etc/passwd\""));
        assertRefused(wave, "Variable_5", "../../etc/passwd", "only plain names");
    }

    @Test
    void aFolderWithoutManifestIsRefused(@TempDir Path dir) {
        assertRefused(dir, "has no manifest.json");
    }

    @Test
    void aVariableMissingFromTheManifestIsRefused(@TempDir Path dir) throws IOException {
        Path wave = copyOfWave(dir);
        Path manifest = wave.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"Variable_47\"", "\"Variable_99\""));
        assertRefused(wave, "has no Variable_47");
    }
}
