package dev.atelier.image;

import static dev.atelier.Digests.sha256;
import static dev.atelier.Digests.sha256OfFloats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reading, resizing and preprocessing images equals the reference's PIL + numpy {@code load_image} to the bit.
 * pil-preprocess.json was written by pil_preprocess_fixture.py (the command is at its top). Skipped when the
 * shared directory is absent.
 */
class PilParityTest {

    static JsonNode fixture() throws IOException {
        try (InputStream in = PilParityTest.class.getResourceAsStream("/image/pil-preprocess.json")) {
            assertThat(in).as("test resource /image/pil-preprocess.json").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static Path sharedFile(Path shared, JsonNode entry) throws IOException {
        Path file = shared.resolve(entry.get("file").asText());
        assertThat(file).as("shared image").exists();
        assertThat(sha256(Files.readAllBytes(file)))
                .as("%s changed since pil-preprocess.json was made; regenerate it with the command at the top of "
                        + "src/test/resources/image/pil_preprocess_fixture.py", file)
                .isEqualTo(entry.get("file_sha256").asText());
        return file;
    }

    @Test
    void preprocessingEqualsTheReference() throws IOException {
        Path shared = TestImages.sharedDirectory();
        for (JsonNode entry : fixture().get("preprocess")) {
            Path file = sharedFile(shared, entry);
            int height = entry.get("height").asInt();
            int width = entry.get("width").asInt();

            CaffeImage image = CaffeImageFiles.load(file, height, width);
            float[] d = image.data();

            JsonNode first = entry.get("first6");
            for (int i = 0; i < first.size(); i++) {
                assertThat(d[i]).as("%s value %d", file, i).isEqualTo((float) first.get(i).asDouble());
            }
            JsonNode last = entry.get("last3");
            for (int i = 0; i < last.size(); i++) {
                assertThat(d[d.length - 3 + i]).as("%s value %d from the end", file, 3 - i)
                        .isEqualTo((float) last.get(i).asDouble());
            }
            double sum = 0;
            for (float v : d) {
                sum += v;
            }
            assertThat(sum).as("%s sum", file).isEqualTo(entry.get("sum").asDouble());
            assertThat(sha256OfFloats(d)).as("%s all values", file).isEqualTo(entry.get("sha256_float32le").asText());
        }
    }

    @Test
    void jpegDecodingEqualsPil() throws IOException {
        Path shared = TestImages.sharedDirectory();
        for (JsonNode entry : fixture().get("jpeg_decode")) {
            Path file = sharedFile(shared, entry);

            BufferedImage image = ImageLoader.read(file);

            assertThat(image.getHeight()).isEqualTo(entry.get("height").asInt());
            assertThat(image.getWidth()).isEqualTo(entry.get("width").asInt());
            assertThat(sha256(rgbBytes(image))).as("%s decoded RGB bytes", file)
                    .isEqualTo(entry.get("rgb_sha256").asText());
        }
    }

    @Test
    void bicubicResizeEqualsPil() throws IOException {
        for (JsonNode entry : fixture().get("resize_fixture")) {
            Path file = Path.of(entry.get("file").asText());
            assertThat(sha256(Files.readAllBytes(file))).as("%s changed since pil-preprocess.json was made", file)
                    .isEqualTo(entry.get("file_sha256").asText());
            assertResizedLikePil(ImageLoader.read(file), entry);
        }
    }

    @Test
    void bicubicResizeOfTheSharedPhotosEqualsPil() throws IOException {
        Path shared = TestImages.sharedDirectory();
        for (JsonNode entry : fixture().get("resize_shared")) {
            assertResizedLikePil(ImageLoader.read(sharedFile(shared, entry)), entry);
        }
    }

    private static void assertResizedLikePil(BufferedImage image, JsonNode entry) {
        int width = entry.get("width").asInt();
        int height = entry.get("height").asInt();
        BufferedImage resized = ImageResizer.resize(image, width, height);
        assertThat(sha256(rgbBytes(resized))).as("%s resized to %dx%d", entry.get("file").asText(), width, height)
                .isEqualTo(entry.get("rgb_sha256").asText());
    }

    static byte[] rgbBytes(BufferedImage image) {
        int[] pixels = TestImages.pixels(image);
        byte[] out = new byte[pixels.length * 3];
        for (int i = 0; i < pixels.length; i++) {
            out[3 * i] = (byte) (pixels[i] >> 16);
            out[3 * i + 1] = (byte) (pixels[i] >> 8);
            out[3 * i + 2] = (byte) pixels[i];
        }
        return out;
    }

}
