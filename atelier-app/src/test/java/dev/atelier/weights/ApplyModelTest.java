package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import dev.atelier.instant.PictureComparisonAccess;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply --model wave}: the style comes from the catalogue, downloaded (verified) through a local mirror. */
class ApplyModelTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(CacheDirectory.PROPERTY);
    }

    @Test
    void applyModelDownloadsTheStyleThenPaintsTheReferencesPicture() throws IOException {
        Path out = tmp.resolve("wave.png");
        System.setProperty(CacheDirectory.PROPERTY, tmp.resolve("cache").toString());
        try (TestFolderServer server = new TestFolderServer(SharedFiles.root().resolve("mirror"))) {
            CliRun run = CliRun.of("apply", "--content", "src/test/resources/instant/tubingen-101x75.png", "--model",
                    "wave", "--mirror", server.base(), "--output", out.toString(), "--quiet");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(tmp.resolve("cache/weights/wave/manifest.json")).exists();
        BufferedImage picture = ImageIO.read(out.toFile());
        long[] c = PictureComparisonAccess.compare(picture,
                ImageIO.read(Path.of("src/test/resources/instant/wave-101x75.png").toFile()));
        assertThat((double) c[1] / c[0]).isGreaterThanOrEqualTo(0.999);
        assertThat(c[2]).isLessThanOrEqualTo(1);
    }

    @Test
    void aLossNetworkIsNotAStyle() {
        CliRun run = CliRun.of("apply", "--content", "x.png", "--model", "vgg16-keras");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().contains("is a loss network", "not an instant style");
    }
}
