package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.network.VggArchitecture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on 127.0.0.1 that serves a small weights file, and misbehaves when told to. */
class WeightsDownloadTest {

    /** Published under a host that does not exist: every request must go through the mirror. */
    private static final URI CANONICAL = URI.create("https://weights.invalid/models/vgg16-div16.h5");

    @TempDir
    Path cache;

    @TempDir
    Path elsewhere;

    private byte[] file;
    private TestWeightsServer server;
    private KnownModel model;

    @BeforeEach
    void serve() throws IOException {
        file = Files.readAllBytes(WeightsFixtures.KERAS_H5);
        server = new TestWeightsServer(file);
        model = model("tiny", md5(file), file.length);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsVerifiesAndCachesWithProgressThenUsesTheCache() {
        Recording progress = new Recording();
        VggWeights weights = store().load(model, progress);

        WeightsFormatsTest.assertSameConvolutions(weights, WeightsFiles.read(WeightsFixtures.KERAS_H5));
        assertThat(store().path(model)).hasBinaryContent(file);
        assertThat(progress.started).containsExactly(server.base() + "/models/vgg16-div16.h5 from 0 of " + file.length);
        assertThat(progress.lastBytes).isEqualTo(file.length);
        assertThat(cacheFiles()).containsExactly("vgg16-div16.h5");

        store().load(model, progress);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aChecksumMismatchCachesNothing() {
        KnownModel wrong = model("tiny", "00000000000000000000000000000000", file.length);
        assertThatThrownBy(() -> store().load(wrong, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("MD5 is " + md5(file))
                .hasMessageContaining("nothing was cached").hasMessageContaining(server.base());
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aServerWithAnotherSizeIsRefusedBeforeTheTransfer() {
        KnownModel other = model("tiny", md5(file), file.length + 1);
        assertThatThrownBy(() -> store().load(other, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining(file.length + " bytes");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void notFoundAndServerErrorsAreOneLine() {
        server.mode(TestWeightsServer.Mode.NOT_FOUND);
        assertThatThrownBy(() -> store().load(model, DownloadListener.NONE)).isInstanceOf(DownloadException.class)
                .hasMessage(server.base() + "/models/vgg16-div16.h5: not found (HTTP 404)");
        server.mode(TestWeightsServer.Mode.SERVER_ERROR);
        assertThatThrownBy(() -> store().load(model, DownloadListener.NONE)).isInstanceOf(DownloadException.class)
                .hasMessageContaining("500").hasMessageNotContaining("\n");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aTransferCutHalfwayResumesWithARange() {
        server.mode(TestWeightsServer.Mode.CUT_ONCE);
        store().load(model, DownloadListener.NONE);
        assertThat(server.ranges()).hasSize(2);
        assertThat(server.ranges().get(0)).isEmpty();
        assertThat(server.ranges().get(1)).matches("bytes=[1-9][0-9]*-");
        assertThat(store().path(model)).hasBinaryContent(file);
        assertThat(cacheFiles()).containsExactly("vgg16-div16.h5");
    }

    @Test
    void aTransferThatKeepsBreakingLeavesNoFileUnderTheFinalNameAndResumesNextTime() {
        server.mode(TestWeightsServer.Mode.CUT_ALWAYS);
        WeightsStore store = store(DownloadSettings.defaults().attempts() - 1);
        assertThatThrownBy(() -> store.load(model, DownloadListener.NONE)).isInstanceOf(DownloadException.class)
                .hasMessageContaining("broke off").hasMessageContaining("resumes");
        assertThat(store.path(model)).doesNotExist();
        assertThat(cacheFiles()).contains("vgg16-div16.h5.part");

        server.mode(TestWeightsServer.Mode.SERVE);
        int before = server.requests();
        store.load(model, DownloadListener.NONE);
        assertThat(server.ranges().get(before)).matches("bytes=[1-9][0-9]*-");
        assertThat(store.path(model)).hasBinaryContent(file);
        assertThat(cacheFiles()).containsExactly("vgg16-div16.h5");
    }

    @Test
    void aStalePartialFileIsDiscardedWhenTheResumedFileFailsItsChecksum() throws IOException {
        Files.createDirectories(store().directory());
        Files.write(store().directory().resolve("vgg16-div16.h5.part"), new byte[file.length / 3]);
        store().load(model, DownloadListener.NONE);
        assertThat(server.ranges()).containsExactly("bytes=" + file.length / 3 + "-", "");
        assertThat(store().path(model)).hasBinaryContent(file);
    }

    @Test
    void aStalledServerTimesOutWithAClearError() {
        server.mode(TestWeightsServer.Mode.STALL);
        WeightsStore store = new WeightsStore(cache, WeightsMirror.of(server.base()),
                DownloadSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.load(model, DownloadListener.NONE)).isInstanceOf(DownloadException.class)
                .hasMessageContaining("no response within 1.0 s").hasMessageContaining("stalled");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void twoConcurrentDownloadsOfOneModelBothSucceedWithOneIntactFile() throws Exception {
        server.mode(TestWeightsServer.Mode.SLOW);
        Recording second = new Recording();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<VggWeights> a = pool.submit(() -> store().load(model, DownloadListener.NONE));
            Thread.sleep(50);
            Future<VggWeights> b = pool.submit(() -> store().load(model, second));
            WeightsFormatsTest.assertSameConvolutions(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests()).isEqualTo(1);
        assertThat(second.waited).isTrue();
        assertThat(store().path(model)).hasBinaryContent(file);
        assertThat(cacheFiles()).containsExactly("vgg16-div16.h5");
    }

    @Test
    void aDownloadInAnotherProcessIsWaitedForNotRepeated() throws Exception {
        server.mode(TestWeightsServer.Mode.SLOW);
        server.slowPause(10); // the other download lasts about 0.7 s: ample time to find its lock taken
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DownloadInAnotherProcess.class.getName(), cache.toString(), server.base(), CANONICAL.toString(),
                md5(file), Long.toString(file.length)).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (server.requests() == 0 && other.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (server.requests() == 0) {
                throw new AssertionError("the other process did not start its download: "
                        + (other.isAlive() ? "still silent" : new String(other.getInputStream().readAllBytes())));
            }
            Recording progress = new Recording();
            store().load(model, progress);
            assertThat(progress.waited).isTrue();
            assertThat(other.waitFor()).isZero();
            assertThat(new String(other.getInputStream().readAllBytes())).contains("downloaded");
        } finally {
            other.destroyForcibly();
        }
        assertThat(server.requests()).isEqualTo(1);
        assertThat(store().path(model)).hasBinaryContent(file);
        assertThat(cacheFiles()).containsExactly("vgg16-div16.h5");
    }

    @Test
    void followsRedirects() {
        server.mode(TestWeightsServer.Mode.REDIRECT);
        WeightsStore store = new WeightsStore(cache, WeightsMirror.of(server.base() + "/redirect"),
                DownloadSettings.defaults());
        store.load(model, DownloadListener.NONE);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(store.path(model)).hasBinaryContent(file);
    }

    @Test
    void triesTheAlternatesWhenTheCanonicalUrlFails() {
        KnownModel withAlternate = new KnownModel("tiny", VggArchitecture.VGG16, WeightsFormat.KERAS_HDF5,
                URI.create(server.base() + TestWeightsServer.MISSING + "vgg16-div16.h5"),
                List.of(URI.create(server.base() + "/elsewhere/vgg16-div16.h5")), file.length, Checksum.md5(md5(file)));
        WeightsStore direct = new WeightsStore(cache, WeightsMirror.NONE, DownloadSettings.defaults());
        direct.load(withAlternate, DownloadListener.NONE);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(direct.path(withAlternate)).hasBinaryContent(file);
    }

    @Test
    void namesEverySourceTriedWhenAllFail() {
        KnownModel nowhere = new KnownModel("tiny", VggArchitecture.VGG16, WeightsFormat.KERAS_HDF5,
                URI.create(server.base() + TestWeightsServer.MISSING + "a/vgg16-div16.h5"),
                List.of(URI.create(server.base() + TestWeightsServer.MISSING + "b/vgg16-div16.h5")), file.length,
                Checksum.md5(md5(file)));
        WeightsStore direct = new WeightsStore(cache, WeightsMirror.NONE, DownloadSettings.defaults());
        assertThatThrownBy(() -> direct.load(nowhere, DownloadListener.NONE)).isInstanceOf(DownloadException.class)
                .hasMessageStartingWith(server.base() + "/missing/a/vgg16-div16.h5: not found (HTTP 404); also tried "
                        + server.base() + "/missing/b/vgg16-div16.h5: not found").hasMessageNotContaining("\n");
    }

    @Test
    void importsAVerifiedFileAndRefusesOthersLeavingNothing() throws IOException {
        Path copy = Files.copy(WeightsFixtures.KERAS_H5, elsewhere.resolve("downloaded-by-hand.bin"));
        VggWeights imported = store().importFile(copy, model);
        assertThat(imported.source()).isEqualTo(store().path(model).toString());
        assertThat(store().path(model)).hasBinaryContent(file);
        assertThat(store().verify(model).intact()).isTrue();

        KnownModel other = model("other", md5(Files.readAllBytes(WeightsFixtures.LEGACY_PTH)), -1);
        assertThatThrownBy(() -> store().importFile(copy, other)).isInstanceOf(WeightsException.class)
                .hasMessageContaining("is not other").hasMessageContaining("nothing was cached");
        assertThat(cacheFiles()).containsExactly("vgg16-div16.h5");
    }

    @Test
    void refusesToCacheAHostileFileEvenWhenItsChecksumIsTheRegisteredOne() throws IOException {
        Files.deleteIfExists(WeightsFixtures.HOSTILE_SENTINEL);
        KnownModel hostile = new KnownModel("hostile", VggArchitecture.VGG16, WeightsFormat.PYTORCH_LEGACY,
                URI.create("https://weights.invalid/hostile.pth"), List.of(), -1,
                Checksum.sha256(sha256(WeightsFixtures.HOSTILE_LEGACY)));
        assertThatThrownBy(() -> store().importFile(WeightsFixtures.HOSTILE_LEGACY, hostile))
                .isInstanceOf(WeightsException.class).hasMessageContaining("posix.system");
        assertThat(WeightsFixtures.HOSTILE_SENTINEL).doesNotExist();
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void refusesAVgg19FileForAVgg16Model() throws IOException {
        KnownModel vgg16 = new KnownModel("vgg16-test", VggArchitecture.VGG16, WeightsFormat.PYTORCH_LEGACY,
                URI.create("https://weights.invalid/vgg16.pth"), List.of(), -1,
                Checksum.sha256Prefix(sha256(WeightsFixtures.VGG19_LEGACY_PTH).substring(0, 8)));
        assertThatThrownBy(() -> store().importFile(WeightsFixtures.VGG19_LEGACY_PTH, vgg16))
                .isInstanceOf(WeightsException.class).hasMessageContaining("holds VGG19, but VGG16 was asked for");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void verifyFindsACorruptCachedFileAndDownloadReplacesIt() throws IOException {
        store().load(model, DownloadListener.NONE);
        byte[] corrupt = file.clone();
        corrupt[corrupt.length / 2] ^= 1;
        Files.write(store().path(model), corrupt);
        Verification v = store().verify(model);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("MD5");
        store().download(model, DownloadListener.NONE);
        assertThat(store().path(model)).hasBinaryContent(file);
        assertThat(store().verify(model).intact()).isTrue();
    }

    @Test
    void identifiesAKnownModelByItsChecksum() throws IOException {
        ModelCatalog catalog = new ModelCatalog(List.of(model("a", "11111111111111111111111111111111", -1), model));
        Path copy = Files.copy(WeightsFixtures.KERAS_H5, elsewhere.resolve("x"));
        assertThat(catalog.identify(copy)).contains(model);
        assertThat(catalog.identify(WeightsFixtures.LEGACY_PTH)).isEmpty();
    }

    private WeightsStore store() {
        return store(DownloadSettings.defaults().attempts());
    }

    private WeightsStore store(int attempts) {
        DownloadSettings d = DownloadSettings.defaults();
        return new WeightsStore(cache, WeightsMirror.of(server.base()),
                new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), attempts, d.maxUnknownSize()));
    }

    private KnownModel model(String name, String md5, long size) {
        return new KnownModel(name, VggArchitecture.VGG16, WeightsFormat.KERAS_HDF5, CANONICAL, List.of(), size,
                Checksum.md5(md5));
    }

    private List<String> cacheFiles() {
        Path dir = cache.resolve("weights");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String md5(byte[] data) {
        return digest("MD5", data);
    }

    private static String sha256(Path file) throws IOException {
        return digest("SHA-256", Files.readAllBytes(file));
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static final class Recording implements DownloadListener {
        final List<String> started = new ArrayList<>();
        volatile long lastBytes;
        volatile boolean waited;

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
    }
}
