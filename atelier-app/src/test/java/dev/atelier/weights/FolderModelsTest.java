package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.CliRun;
import dev.atelier.Digests;
import dev.atelier.SharedFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folder models (Darknet Tiny, the instant styles) fetched through {@code --mirror} from a server on 127.0.0.1 that
 * serves the real published files of {@code ../shared/mirror}, or a doctored copy of them.
 */
class FolderModelsTest {

    private static final String ML5 = "ml5js/ml5-data-and-models/" + Ml5Models.COMMIT + "/models/";
    private static final String WAVE = ML5 + "style-transfer/wave/";
    private static final String DARKNET = ML5 + "darknetclassifier/darknettiny/";

    @TempDir
    Path cache;

    @TempDir
    Path doctored;

    private Path mirror;
    private final List<TestFolderServer> servers = new ArrayList<>();

    @BeforeEach
    void locate() {
        mirror = SharedFiles.root().resolve("mirror");
    }

    @AfterEach
    void stop() {
        servers.forEach(TestFolderServer::close);
        System.clearProperty(CacheDirectory.PROPERTY);
        System.clearProperty(WeightsMirror.PROPERTY);
    }

    @Test
    void resolveDownloadsEveryFileVerifiedIntoTheModelsFolderWithOneProgressBarThenUsesTheCache() throws IOException {
        TestFolderServer server = serve(mirror);
        Recording progress = new Recording();
        Path folder = store(server).resolve("wave", progress);

        assertThat(folder).isEqualTo(cache.resolve("weights").resolve("wave"));
        assertSameFiles(folder, mirror.resolve(WAVE), 49);
        assertThat(progress.started).containsExactly(server.base() + "/" + WAVE + " from 0 of 6715241");
        assertThat(progress.lastBytes).isEqualTo(6_715_241L);
        assertThat(progress.ended).isEqualTo(1);
        assertThat(server.requests()).hasSize(49);
        assertThat(cacheEntries()).containsExactly("wave");

        assertThat(store(server).resolve("wave", progress)).isEqualTo(folder);
        assertThat(server.requests()).hasSize(49);
        assertThat(store(server).verify(ModelCatalog.standard().requireArtifact("wave")).intact()).isTrue();
    }

    @Test
    void theCliDownloadsDarknetTinyThroughTheMirrorAndPathVerifyAndListSeeIt() throws IOException {
        TestFolderServer server = serve(mirror);
        System.setProperty(CacheDirectory.PROPERTY, cache.toString());
        Path folder = cache.resolve("weights").resolve("darknet-tiny");

        CliRun download = CliRun.of("weights", "download", "darknet-tiny", "--mirror", server.base());
        assertThat(download.exitCode()).as(download.err()).isZero();
        assertThat(download.out().strip()).isEqualTo(folder.toString());
        assertThat(download.err()).containsOnlyOnce("downloading darknet-tiny from " + server.base() + "/" + DARKNET
                + " (4.2 MB)");
        assertSameFiles(folder, mirror.resolve(DARKNET), 32);

        assertThat(CliRun.of("weights", "path", "darknet-tiny").out().strip()).isEqualTo(folder.toString());
        CliRun verify = CliRun.of("weights", "verify");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out().strip()).isEqualTo("darknet-tiny: OK (all 32 files' SHA-256 match) " + folder);
        assertThat(CliRun.of("weights", "list").out()).containsPattern("darknet-tiny +feature +darknet +TF.js layers "
                + "model +4,219,188 bytes +yes")
                .containsPattern("wave +style +engstrom +deeplearn.js checkpoint +6,715,241 bytes +no")
                .contains("from raw.githubusercontent.com: https://raw.githubusercontent.com/" + DARKNET
                        + " (also cdn.jsdelivr.net)")
                .contains("licence: Joseph Redmon's Darknet tiny.weights")
                .contains("licence: trained by Logan Engstrom").contains("licence: added by ml5 in 2018");

        JsonNode json = new ObjectMapper().readTree(CliRun.of("weights", "list", "--json").out());
        JsonNode darknet = json.get("models").get(4);
        assertThat(darknet.get("name").asText()).isEqualTo("darknet-tiny");
        assertThat(darknet.get("kind").asText()).isEqualTo("feature");
        assertThat(darknet.get("family").asText()).isEqualTo("darknet");
        assertThat(darknet.get("cached").asBoolean()).isTrue();
        assertThat(darknet.get("path").asText()).isEqualTo(folder.toString());
        assertThat(darknet.get("host").asText()).isEqualTo("raw.githubusercontent.com");
        assertThat(darknet.get("files")).hasSize(32);
        assertThat(darknet.get("files").get(0).get("path").asText()).isEqualTo("model.json");
        assertThat(darknet.get("files").get(0).get("sha256").asText())
                .isEqualTo("5a5ee1ddb33ac7948b303197f4c63f72a80fc00a7d2870d30843004ddd5b4b51");
    }

    @Test
    void aFileWithOneByteChangedIsRefusedAndNothingIsCachedThenTheGoodServerCompletesIt() throws IOException {
        copyModel(WAVE);
        flipOneByte(doctored.resolve(WAVE + "Variable_30"));
        TestFolderServer bad = serve(doctored);

        assertThatThrownBy(() -> store(bad).resolve("wave", DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith(bad.base() + "/" + WAVE + "Variable_30: its SHA-256 is ")
                .hasMessageContaining("nothing was cached").hasMessageNotContaining("\n");
        assertThat(cache.resolve("weights").resolve("wave")).doesNotExist();
        assertThat(store(bad).isCached(ModelCatalog.standard().requireArtifact("wave"))).isFalse();
        assertThat(cacheEntries()).as("only the hidden staging folder").isEmpty();

        // The files verified before the bad one are kept and not fetched again; the bad one is not kept.
        TestFolderServer good = serve(mirror);
        store(good).resolve("wave", DownloadListener.NONE);
        assertThat(good.requestsEndingWith("/Variable_30")).isEqualTo(1);
        assertThat(good.requestsEndingWith("/manifest.json")).isZero();
        assertThat(good.requests()).hasSizeLessThan(49);
        assertSameFiles(cache.resolve("weights").resolve("wave"), mirror.resolve(WAVE), 49);
    }

    @Test
    void anInterruptedFileResumesWithARangeInTheSameRunAndAcrossRuns() throws IOException {
        TestFolderServer server = serve(mirror);
        server.cutOnce("/Variable_12");
        store(server).resolve("wave", DownloadListener.NONE);
        assertThat(server.requests().stream().filter(r -> r.contains("/Variable_12")))
                .containsExactly("/" + WAVE + "Variable_12", "/" + WAVE + "Variable_12 bytes=294912-");
        assertSameFiles(cache.resolve("weights").resolve("wave"), mirror.resolve(WAVE), 49);

        // One attempt per run: the first run stops with the part file kept, the next resumes it.
        server.cutOnce("/Variable_15");
        WeightsStore oneAttempt = new WeightsStore(cache, WeightsMirror.of(server.base()),
                new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 1L << 30));
        ModelArtifact scream = ModelCatalog.standard().requireArtifact("scream");
        assertThatThrownBy(() -> oneAttempt.resolve(scream, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("Variable_15")
                .hasMessageContaining("broke off");
        assertThat(cache.resolve("weights").resolve("scream")).doesNotExist();
        int before = server.requests().size();
        Recording progress = new Recording();
        oneAttempt.resolve(scream, progress);
        List<String> second = server.requests().subList(before, server.requests().size());
        assertThat(second.get(0)).isEqualTo("/" + ML5 + "style-transfer/scream/Variable_15 bytes=294912-");
        assertThat(second).noneMatch(r -> r.endsWith("/manifest.json"));
        assertThat(progress.started).singleElement().asString().endsWith(" of 6715241").doesNotContain("from 0 ");
        assertSameFiles(cache.resolve("weights").resolve("scream"), mirror.resolve(ML5 + "style-transfer/scream/"), 49);
    }

    @Test
    void aFileMissingOnTheServerIsOneClearLineNamingItAndTheImportCommand() throws IOException {
        copyModel(WAVE);
        Files.delete(doctored.resolve(WAVE + "Variable_7"));
        TestFolderServer server = serve(doctored);
        System.setProperty(CacheDirectory.PROPERTY, cache.toString());

        CliRun r = CliRun.of("weights", "download", "wave", "--mirror", server.base());
        assertThat(r.exitCode()).isEqualTo(1);
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("atelier: cannot")).toList();
        assertThat(errors).singleElement().asString()
                .contains("cannot download wave: " + server.base() + "/" + WAVE + "Variable_7: not found (HTTP 404)")
                .contains("atelier weights import FOLDER --model wave").doesNotContain("Exception");
        assertThat(cache.resolve("weights").resolve("wave")).doesNotExist();
    }

    @Test
    void offlineEveryHostIsNamedInOneLine() throws IOException {
        String closed = closedPort();
        String alsoClosed = closedPort();
        ModelArtifact wave = ModelCatalog.standard().requireArtifact("wave");
        ModelArtifact unreachable = new ModelArtifact("wave", wave.kind(), wave.family(), wave.format(), wave.files(),
                URI.create(closed + "/a/"), List.of(URI.create(alsoClosed + "/b/")), wave.licence(), true);
        WeightsStore direct = new WeightsStore(cache, WeightsMirror.NONE, DownloadSettings.defaults());
        long start = System.nanoTime();
        assertThatThrownBy(() -> direct.resolve(unreachable, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith(closed + "/a/manifest.json: cannot connect")
                .hasMessageContaining("also tried " + alsoClosed + "/b/manifest.json: cannot connect")
                .hasMessageNotContaining("\n");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);

        System.setProperty(CacheDirectory.PROPERTY, cache.toString());
        System.setProperty(WeightsMirror.PROPERTY, closed);
        CliRun r = CliRun.of("weights", "download", "udnie");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .contains(closed + "/" + ML5 + "style-transfer/udnie/manifest.json")
                .contains("atelier weights import FOLDER --model udnie");
        assertThat(entries()).containsExactly(".udnie.lock", ".wave.lock");
    }

    @Test
    void importOfAFolderVerifiesEveryFileAndRefusesATamperedOneLeavingNothing() throws IOException {
        System.setProperty(CacheDirectory.PROPERTY, cache.toString());
        copyModel(WAVE);
        Path tampered = doctored.resolve(WAVE);
        flipOneByte(tampered.resolve("Variable_44"));

        CliRun refused = CliRun.of("weights", "import", tampered.toString(), "--model", "wave");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines()).singleElement().asString().contains("is not wave: Variable_44: its SHA-256 is")
                .contains("nothing was cached");
        assertThat(cacheEntries()).isEmpty();
        assertThat(hiddenCacheEntries()).noneMatch(n -> n.contains("import"));

        Files.delete(tampered.resolve("Variable_44"));
        CliRun missing = CliRun.of("weights", "import", tampered.toString(), "--model", "wave");
        assertThat(missing.errLines()).singleElement().asString().contains("it has no Variable_44");
        CliRun unidentified = CliRun.of("weights", "import", tampered.toString());
        assertThat(unidentified.errLines()).singleElement().asString().contains("none of the known folder models");

        CliRun named = CliRun.of("weights", "import", mirror.resolve(WAVE).toString(), "--model", "wave");
        assertThat(named.exitCode()).as(named.err()).isZero();
        Path folder = cache.resolve("weights").resolve("wave");
        assertThat(named.out().strip()).isEqualTo(folder.toString());
        assertSameFiles(folder, mirror.resolve(WAVE), 49);

        Path la_muse = mirror.resolve(ML5 + "style-transfer/la_muse");
        CliRun identified = CliRun.of("weights", "import", la_muse.toString());
        assertThat(identified.exitCode()).as(identified.err()).isZero();
        assertThat(identified.err()).contains("imported " + la_muse + " as la_muse");
        assertThat(cacheEntries()).containsExactly("la_muse", "wave");
        assertThat(CliRun.of("weights", "verify", "wave", "la_muse").exitCode()).isZero();
    }

    @Test
    void twoConcurrentDownloadsOfOneModelWaitForEachOtherAndFetchEachFileOnce() throws Exception {
        TestFolderServer server = serve(mirror);
        server.pause(1); // about 1000 slices of 4 KiB: the first download lasts over a second
        Recording first = new Recording();
        Recording second = new Recording();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Path> a = pool.submit(() -> store(server).resolve("darknet-tiny", first));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.requests().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Future<Path> b = pool.submit(() -> store(server).resolve("darknet-tiny", second));
            assertThat(b.get()).isEqualTo(a.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(second.waited).isTrue();
        assertThat(server.requests()).hasSize(32);
        assertSameFiles(cache.resolve("weights").resolve("darknet-tiny"), mirror.resolve(DARKNET), 32);
    }

    @Test
    void aDownloadInAnotherProcessIsWaitedForNotRepeated() throws Exception {
        TestFolderServer server = serve(mirror);
        server.pause(1);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ResolveInAnotherProcess.class.getName(), cache.toString(), server.base(), "darknet-tiny")
                .redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (server.requests().isEmpty() && other.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (server.requests().isEmpty()) {
                throw new AssertionError("the other process did not start its download: "
                        + (other.isAlive() ? "still silent" : new String(other.getInputStream().readAllBytes())));
            }
            Recording progress = new Recording();
            Path folder = store(server).resolve("darknet-tiny", progress);
            assertThat(progress.waited).isTrue();
            assertThat(progress.started).isEmpty();
            assertThat(other.waitFor()).isZero();
            assertThat(new String(other.getInputStream().readAllBytes())).contains("resolved " + folder);
        } finally {
            other.destroyForcibly();
        }
        assertThat(server.requests()).hasSize(32);
        assertSameFiles(cache.resolve("weights").resolve("darknet-tiny"), mirror.resolve(DARKNET), 32);
    }

    @Test
    void theCatalogueCarriesThePinnedHashOfEveryMirroredFile() throws IOException {
        ModelCatalog catalog = ModelCatalog.standard();
        int checked = 0;
        for (ModelArtifact model : catalog.artifacts()) {
            if (!model.folder()) {
                continue;
            }
            String folder = model.base().getPath().substring(1);
            assertThat(model.base().toString()).isEqualTo("https://raw.githubusercontent.com/" + folder);
            assertThat(model.alternates()).singleElement().asString().startsWith("https://cdn.jsdelivr.net/gh/");
            assertThat(model.licence()).isNotBlank();
            Path copy = mirror.resolve(folder);
            if (Files.isDirectory(copy)) {
                for (ArtifactFile f : model.files()) {
                    byte[] bytes = Files.readAllBytes(copy.resolve(f.path()));
                    assertThat(f.checksum().hex()).as(f.path()).isEqualTo(Digests.sha256(bytes));
                    assertThat(f.size()).isEqualTo(bytes.length);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(32 + 5 * 49);
        assertThat(catalog.requireArtifact("darknet-tiny").family()).isEqualTo(ModelFamily.DARKNET);
        assertThat(catalog.requireArtifact("darknet-tiny").kind()).isEqualTo(ModelKind.FEATURE);
        assertThat(catalog.requireArtifact("matta").files()).hasSize(49).noneMatch(f -> f.path().startsWith("."));
        assertThat(catalog.requireArtifact("udnie").size()).isEqualTo(6_715_241L);
        assertThat(catalog.requireArtifact("udnie").licence()).contains("Engstrom").contains("non-commercial");
        assertThat(catalog.requireArtifact("mathura").licence()).contains("2018");
        assertThatThrownBy(() -> catalog.requireArtifact("starry")).hasMessageContaining("unknown model 'starry'")
                .hasMessageContaining("darknet-tiny").hasMessageContaining("matilde_perez")
                .hasMessageContaining("vgg16-keras");
    }

    private TestFolderServer serve(Path root) {
        try {
            TestFolderServer s = new TestFolderServer(root);
            servers.add(s);
            return s;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private WeightsStore store(TestFolderServer server) {
        return new WeightsStore(cache, WeightsMirror.of(server.base()),
                DownloadSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    private void copyModel(String folder) throws IOException {
        Path to = Files.createDirectories(doctored.resolve(folder));
        try (Stream<Path> files = Files.list(mirror.resolve(folder))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
                to.resolve(f.getFileName().toString()).toFile().setWritable(true);
            }
        }
    }

    private static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static void assertSameFiles(Path folder, Path published, int count) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(count);
            for (Path f : all) {
                assertThat(f).hasSameBinaryContentAs(published.resolve(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The cache's visible entries (hidden ones are staging folders and locks). */
    private List<String> cacheEntries() {
        return entries().stream().filter(n -> !n.startsWith(".")).toList();
    }

    private List<String> hiddenCacheEntries() {
        return entries().stream().filter(n -> n.startsWith(".")).toList();
    }

    private List<String> entries() {
        Path dir = cache.resolve("weights");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static final class Recording implements DownloadListener {
        final List<String> started = new ArrayList<>();
        volatile long lastBytes;
        volatile boolean waited;
        volatile int ended;

        @Override
        public void waiting(Path lockFile) {
            waited = true;
        }

        @Override
        public void started(URI source, long from, long total) {
            started.add(source + " from " + from + " of " + total);
        }

        @Override
        public void progressed(long bytes, long total) {
            lastBytes = bytes;
        }

        @Override
        public void transferEnded() {
            ended++;
        }
    }
}
