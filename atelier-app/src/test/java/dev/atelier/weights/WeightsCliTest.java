package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.CliRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weights options and the {@code weights} command, in-process, with the cache in a temporary directory and the
 * mirror on a closed port of 127.0.0.1 (the system properties stand in for ATELIER_HOME and ATELIER_WEIGHTS_MIRROR).
 */
class WeightsCliTest {

    private static final String VGG16_KERAS_PATH =
            "/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5";

    @TempDir
    Path home;

    @TempDir
    Path files;

    private String closedMirror;
    private Path content;
    private Path style;

    @BeforeEach
    void isolate() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedMirror = "http://127.0.0.1:" + socket.getLocalPort();
        }
        System.setProperty(CacheDirectory.PROPERTY, home.toString());
        System.setProperty(WeightsMirror.PROPERTY, closedMirror);
        content = image("content.png", 1);
        style = image("style.png", 2);
    }

    @AfterEach
    void restore() {
        System.clearProperty(CacheDirectory.PROPERTY);
        System.clearProperty(WeightsMirror.PROPERTY);
    }

    @Test
    void stylizeWithNoWeightsOfflineFailsFastNamingTheUrlTheCacheAndTheWaysOut() {
        long start = System.nanoTime();
        CliRun r = CliRun.of("stylize", "--content", content.toString(), "--style", style.toString(), "--output",
                files.resolve("out.png").toString(), "--size", "32", "--quiet");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(seconds).isLessThan(5);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(closedMirror + VGG16_KERAS_PATH)
                .contains(home.resolve("weights").resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5").toString())
                .contains("atelier weights import FILE").contains("--weights FILE")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(files.resolve("out.png")).doesNotExist();
        assertThat(cached()).isEmpty();
    }

    @Test
    void quietStylizeDownloadsWithoutAProgressBar() throws IOException {
        byte[] notTheModel = new byte[256 * 1024];
        new Random(5).nextBytes(notTheModel);
        try (TestWeightsServer server = new TestWeightsServer(notTheModel)) {
            System.setProperty(WeightsMirror.PROPERTY, server.base());
            List<String> args = List.of("stylize", "--content", content.toString(), "--style", style.toString(),
                    "--output", files.resolve("out.png").toString(), "--size", "32", "--model", "vgg16-torchvision");

            CliRun loud = CliRun.of(args.toArray(String[]::new));
            CliRun quiet = CliRun.of(Stream.concat(args.stream(), Stream.of("--quiet")).toArray(String[]::new));

            assertThat(loud.exitCode()).isEqualTo(1);
            // torchvision publishes no size, so the whole file comes down before its checksum fails.
            assertThat(loud.err()).contains("atelier: downloading vgg16-torchvision from " + server.base())
                    .contains("[########################]");
            assertThat(quiet.exitCode()).isEqualTo(1);
            assertThat(quiet.errLines()).as("only the error: the checksum cannot match").hasSize(1);
            assertThat(quiet.err()).doesNotContain("downloading").doesNotContain("[#").contains("vgg16-torchvision");
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void downloadsGoThroughTheProxyTheEnvironmentNames() throws IOException {
        try (TestWeightsServer proxy = new TestWeightsServer(new byte[4096])) {
            System.setProperty(WeightsMirror.PROPERTY, "http://weights.invalid");
            ProxyEnvironment.apply(Map.of("HTTP_PROXY", proxy.base()));
            try {
                CliRun r = CliRun.of("weights", "download", "vgg16-torchvision");
                // The name cannot resolve: only the proxy can have answered, and its bytes fail the checksum.
                assertThat(proxy.requests()).isEqualTo(1);
                assertThat(r.exitCode()).isEqualTo(1);
                assertThat(r.err()).contains("weights.invalid").doesNotContain("UnknownHost");
            } finally {
                System.clearProperty("http.proxyHost");
                System.clearProperty("http.proxyPort");
            }
        }
    }

    @Test
    void listShowsEveryKnownModelWithItsChecksumSizeAndSource() throws IOException {
        CliRun r = CliRun.of("weights", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("vgg16-keras", "vgg19-keras", "vgg16-torchvision", "vgg19-torchvision", "random",
                "MD5 6d6bbae143d832006294945121d1f1fc", "MD5 253f8cb515780f3b799900260a226db6", "58,889,256 bytes",
                "80,134,624 bytes", "SHA-256 397923af… (first 8 hex digits", "SHA-256 dcbb9e9d…",
                "https://storage.googleapis.com" + VGG16_KERAS_PATH, "https://download.pytorch.org/models/vgg19-dcbb9e9d.pth",
                "cache: " + home.resolve("weights"));

        JsonNode json = new ObjectMapper().readTree(CliRun.of("weights", "list", "--json").out());
        assertThat(json.get("models")).hasSize(15);
        assertThat(json.get("models").get(2).get("checksum").get("prefix_only").asBoolean()).isTrue();
        assertThat(json.get("models").get(0).get("cached").asBoolean()).isFalse();
    }

    @Test
    void pathAndVerifySayWhatIsNotCached() {
        CliRun path = CliRun.of("weights", "path", "vgg16-keras");
        assertThat(path.exitCode()).isEqualTo(1);
        assertThat(path.errLines()).singleElement().asString().contains("not in the cache")
                .contains(home.resolve("weights").toString());
        CliRun all = CliRun.of("weights", "verify");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("no known model is in the cache");
        CliRun one = CliRun.of("weights", "verify", "vgg19-keras");
        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.out()).contains("vgg19-keras: not in the cache");
    }

    @Test
    void downloadFromAMirrorServingTheWrongFileCachesNothing() throws IOException {
        try (TestWeightsServer server = new TestWeightsServer(Files.readAllBytes(WeightsFixtures.KERAS_H5))) {
            CliRun r = CliRun.of("weights", "download", "vgg16-keras", "--mirror", server.base());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("cannot download vgg16-keras: " + server.base() + VGG16_KERAS_PATH)
                    .contains("58889256").contains("nothing was cached")
                    .contains("atelier weights import FILE --as vgg16-keras");
            assertThat(r.errLines().stream().filter(l -> l.startsWith("atelier: cannot"))).hasSize(1);
        }
        assertThat(cached()).isEmpty();
    }

    @Test
    void importChecksTheFileIsAKnownModel() {
        CliRun unknown = CliRun.of("weights", "import", WeightsFixtures.KERAS_H5.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("is none of the known models").contains("--weights FILE");
        CliRun named = CliRun.of("weights", "import", WeightsFixtures.KERAS_H5.toString(), "--as", "vgg16-keras");
        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(named.errLines()).singleElement().asString().contains("is not vgg16-keras")
                .contains("nothing was cached");
        assertThat(cached()).isEmpty();
    }

    @Test
    void aFileThatDoesNotHoldTheModelsNetworkIsRefused() {
        CliRun r = CliRun.of("loss", "--content", content.toString(), "--style", style.toString(),
                "--weights", WeightsFixtures.VGG19_LEGACY_PTH.toString(), "--model", "vgg16-torchvision");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("holds VGG19, but --model vgg16-torchvision is VGG16");
    }

    @Test
    void anUnknownModelIsAUsageError() {
        CliRun r = CliRun.of("bench", "--model", "vgg17");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model: unknown model 'vgg17'").contains("vgg16-keras").contains("random");
    }

    @Test
    void lossRunsOnATorchvisionFile() {
        CliRun r = CliRun.of("loss", "--content", content.toString(), "--style", style.toString(),
                "--weights", WeightsFixtures.ZIP_PTH.toString(), "--threads", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"loss\":");
    }

    @Test
    void randomWeightsWorkOfflineWithAWarning() {
        CliRun r = CliRun.of("loss", "--content", content.toString(), "--style", style.toString(), "--model", "random",
                "--threads", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines()).singleElement().asString().contains("warning").contains("far weaker");
        assertThat(r.out()).contains("\"loss\":");
    }

    private List<String> cached() {
        Path dir = home.resolve("weights");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path image(String name, long seed) throws IOException {
        BufferedImage img = new BufferedImage(40, 32, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path file = files.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

}
