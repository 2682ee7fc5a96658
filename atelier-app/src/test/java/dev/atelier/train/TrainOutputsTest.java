package dev.atelier.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.CliRun;
import dev.atelier.SharedFiles;
import dev.atelier.image.ImageLoader;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.weights.Safetensors;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a training run leaves behind: a network that apply loads, its metadata, previews, the animation, the report. */
class TrainOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aTrainedNetworkIsAnInstantStyleWithItsPreviewsAnimationAndReport() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos").resolve("sub"));
        Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), photos.resolve("b.png"));
        Files.copy(SharedFiles.smallImage("golden_gate-64x64.png"), photos.getParent().resolve("a.png"));
        Path style = SharedFiles.smallImage("starry_night-128x96.png");
        Path out = dir.resolve("mine.safetensors");
        CliRun run = CliRun.of("train", "--style", style.toString(), "--images", dir.resolve("photos").toString(),
                "--loss-network", SharedFiles.tinyWeights().toString(), "--size", "32", "--batch", "2", "--steps", "4",
                "--threads", "1", "--preview", SharedFiles.smallImage("the_scream-64x64.png").toString(),
                "--preview-every", "2", "--preview-size", "48", "--animation", dir.resolve("a.gif").toString(),
                "--report", dir.resolve("r.json").toString(), "--checkpoint-every", "0", "--output", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("step 4/4", "img/s", "loss", "content", "style", "tv", "ETA");

        Map<String, String> meta = Safetensors.read(out).metadata();
        assertThat(meta).containsEntry("architecture", JohnsonNetwork.ARCHITECTURE).containsEntry("steps", "4")
                .containsEntry("style_sha256", TrainingRun.sha256(style)).containsKey("settings");
        assertThat(meta.get("loss_network")).startsWith("vgg16:");

        try (StyleNetwork network = StyleNetworks.open(out)) {
            BufferedImage painted = network.apply(ImageLoader.read(SharedFiles.smallImage("tubingen-128x96.png")));
            assertThat(painted.getWidth()).isEqualTo(128);
            assertThat(painted.getHeight()).isEqualTo(96);
        }
        CliRun apply = CliRun.of("apply", "--weights", out.toString(), "--content",
                SharedFiles.smallImage("tubingen-128x96.png").toString(), "--output", dir.resolve("o.png").toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(dir.resolve("o.png")).exists();

        assertThat(dir.resolve("mine.preview-000002.jpg")).exists();
        assertThat(dir.resolve("mine.preview-000004.jpg")).exists();
        BufferedImage preview = ImageLoader.read(dir.resolve("mine.preview-000004.jpg"));
        assertThat(preview.getWidth()).isEqualTo(48);
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("a.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(2);
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
        assertThat(report.get("steps")).hasSize(4);
        for (JsonNode step : report.get("steps")) {
            assertThat(step.fieldNames()).toIterable().containsExactly("step", "loss", "content", "style", "tv",
                    "seconds");
            assertThat(step.get("loss").asDouble()).isCloseTo(step.get("content").asDouble()
                    + step.get("style").asDouble() + step.get("tv").asDouble(),
                    org.assertj.core.api.Assertions.within(1e-3 * step.get("loss").asDouble()));
        }
        assertThat(report.get("images").asInt()).isEqualTo(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void photosAreTakenInNameOrderFromEveryFolderBelow() throws Exception {
        Path root = Files.createDirectories(dir.resolve("p").resolve("b"));
        Files.copy(SharedFiles.smallImage("tubingen-128x96.png"), root.resolve("x.png"));
        Files.copy(SharedFiles.smallImage("golden_gate-64x64.png"), root.getParent().resolve("a.png"));
        Files.copy(SharedFiles.smallImage("the_scream-64x64.png"), root.getParent().resolve("c.png"));
        TrainingImages images = TrainingImages.open(java.util.List.of(root.getParent()), 16, Crop.CENTER, 0);
        assertThat(images.files()).containsExactly(root.getParent().resolve("a.png"), root.resolve("x.png"),
                root.getParent().resolve("c.png"));
        // step 1 of batch 2 takes images 2 and 0 (cycling)
        float[] step1 = images.batch(1, 2);
        float[] all = images.batch(0, 3);
        int image = 3 * 16 * 16;
        assertThat(java.util.Arrays.copyOfRange(step1, 0, image)).containsExactly(
                java.util.Arrays.copyOfRange(all, 2 * image, 3 * image));
        assertThat(java.util.Arrays.copyOfRange(step1, image, 2 * image)).containsExactly(
                java.util.Arrays.copyOfRange(all, 0, image));
    }
}
