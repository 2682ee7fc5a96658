package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.SharedFiles;
import dev.atelier.transfer.Schedule;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API end to end over real HTTP: submit, watch, fetch, cancel, and what it refuses. */
class JobApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Paints quickly: a few evaluations per job. */
    static WebServer quick;
    /** Paints for a long time: for cancelling and filling the queue. */
    static WebServer slow;
    static ApiClient api;
    static ApiClient slowApi;

    static Path photo;
    static Path style;

    @BeforeAll
    static void start() {
        photo = SharedFiles.smallImage("tubingen-128x96.png");
        style = SharedFiles.smallImage("starry_night-128x96.png");
        quick = TestServers.start(TestServers.settings(new Schedule(2, 5, true, 10), 8, 1 << 20,
                Duration.ofMillis(1)));
        slow = TestServers.start(TestServers.settings(new Schedule(100, 20, true, 10), 2, 1 << 20,
                Duration.ofSeconds(1)));
        api = new ApiClient(quick.uri());
        slowApi = new ApiClient(slow.uri());
    }

    @AfterAll
    static void stop() {
        if (quick != null) {
            quick.close();
        }
        if (slow != null) {
            slow.close();
        }
    }

    static ApiClient.Form photoAndStyle() {
        return new ApiClient.Form().file("content", photo).file("style", style).field("size", "64");
    }

    @Test
    void aJobGoesFromUploadToResult() throws Exception {
        ApiClient.Reply accepted = api.submit(photoAndStyle().field("strength", "80"));
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(accepted.header("Location")).isEqualTo("/api/jobs/" + id);

        List<String> events = readEvents(api, id);
        JsonNode done = api.awaitFinal(id, WAIT);
        assertThat(done.path("status").asText()).isEqualTo("done");
        assertThat(done.path("width").asInt()).isEqualTo(64);
        assertThat(done.path("height").asInt()).isEqualTo(48);
        assertThat(done.path("progress").path("evaluations").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(done.path("progress").path("loss").asDouble()).isPositive();

        ApiClient.Reply result = api.get(done.path("resultUrl").asText());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).isEqualTo("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(result.body()));
        assertThat(png.getWidth()).isEqualTo(64);
        assertThat(png.getHeight()).isEqualTo(48);
        assertThat(api.get(done.path("resultUrl").asText() + "?download=1").header("Content-Disposition"))
                .startsWith("attachment");

        // The stream told the whole story: status first, progress and previews, the final status last.
        assertThat(events.get(0)).startsWith("status ");
        assertThat(events).anyMatch(e -> e.startsWith("progress "));
        assertThat(events).anyMatch(e -> e.startsWith("preview "));
        assertThat(events.get(events.size() - 1)).startsWith("status ").contains("\"status\":\"done\"");
    }

    @Test
    void aGalleryStyleIsChosenByNameAndOnlyByAName() throws Exception {
        ApiClient.Reply styles = api.get("/api/styles");
        assertThat(styles.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        styles.json().forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).contains("the_scream-64x64.png", "starry_night-128x96.png");
        ApiClient.Reply thumb = api.get(styles.json().get(0).path("thumbnailUrl").asText());
        assertThat(thumb.status()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(thumb.body()))).isNotNull();

        ApiClient.Reply ok = api.submit(new ApiClient.Form().file("content", photo)
                .field("styleName", "the_scream-64x64.png").field("size", "64"));
        assertThat(ok.status()).isEqualTo(202);
        assertThat(api.awaitFinal(ok.json().path("id").asText(), WAIT).path("status").asText()).isEqualTo("done");

        for (String name : List.of("../weights/vgg16-tiny-div8-seed0-keras-layout.h5", "/etc/passwd", "nothing.png")) {
            ApiClient.Reply refused = api.submit(new ApiClient.Form().file("content", photo)
                    .field("styleName", name).field("size", "64"));
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.error()).contains("no style called");
        }
        assertThat(api.get("/api/styles/thumbnail?name=..%2F..%2Fweights%2Fx.h5").status()).isEqualTo(404);
    }

    @Test
    void aRunningJobIsCancelledWithinOneEvaluation() throws Exception {
        ApiClient.Reply accepted = slowApi.submit(photoAndStyle());
        String id = accepted.json().path("id").asText();
        slowApi.awaitProgress(id, WAIT);
        long asked = System.nanoTime();
        ApiClient.Reply cancel = slowApi.delete("/api/jobs/" + id);
        assertThat(cancel.status()).isIn(200, 202);
        JsonNode end = slowApi.awaitFinal(id, Duration.ofSeconds(20));
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertThat(end.path("status").asText()).isEqualTo("cancelled");
        assertThat(end.path("progress").path("evaluations").asInt()).isLessThan(2000);
        assertThat(seconds).as("seconds from cancel to cancelled").isLessThan(10);
        assertThat(slowApi.get("/api/jobs/" + id + "/result.png").status()).isEqualTo(409);
        assertThat(slowApi.get("/api/jobs/" + id + "/preview.png").status()).isEqualTo(200);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        List<String> ids = new ArrayList<>();
        try {
            String running = slowApi.submit(photoAndStyle()).json().path("id").asText();
            ids.add(running);
            slowApi.awaitProgress(running, WAIT);
            for (int i = 0; i < 2; i++) { // the slow server's queue holds 2
                ApiClient.Reply queued = slowApi.submit(photoAndStyle());
                assertThat(queued.status()).isEqualTo(202);
                assertThat(queued.json().path("queuePosition").asInt()).isEqualTo(i + 1);
                ids.add(queued.json().path("id").asText());
            }
            ApiClient.Reply busy = slowApi.submit(photoAndStyle());
            assertThat(busy.status()).isEqualTo(429);
            assertThat(Long.parseLong(busy.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(busy.error()).startsWith("The server is busy: try again in ");

            // A waiting job is cancelled at once, and the one behind it moves up.
            ApiClient.Reply cancelled = slowApi.delete("/api/jobs/" + ids.get(1));
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
            assertThat(slowApi.status(ids.get(2)).path("queuePosition").asInt()).isEqualTo(1);
        } finally {
            for (String id : ids) {
                slowApi.delete("/api/jobs/" + id);
            }
            for (String id : ids) {
                slowApi.awaitFinal(id, Duration.ofSeconds(20));
            }
        }
    }

    @Test
    void somethingThatIsNotAnImageIsRefusedInPlainWords() {
        ApiClient.Reply r = api.submit(new ApiClient.Form()
                .file("content", "holiday.png", "these are not the pixels you are looking for".getBytes())
                .file("style", style).field("size", "64"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("The photo cannot be read: not a JPEG, PNG, BMP or GIF image.");
    }

    @Test
    void anOversizedUploadIsRefusedWith413() {
        // The test server's limit is 1 MB per image: a body too large for two is refused from its length, one
        // that fits but holds a file over the limit while the form is read.
        for (int size : new int[] {5 << 20, 3 << 19}) {
            byte[] big = new byte[size];
            Arrays.fill(big, (byte) 7);
            ApiClient.Reply r = api.submit(new ApiClient.Form().file("content", "huge.png", big)
                    .file("style", style).field("size", "64"));
            assertThat(r.status()).as("%d bytes", size).isEqualTo(413);
            assertThat(r.error()).isEqualTo("The upload is larger than the limit of 1 MB per image.");
        }
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = TestImages.pngClaiming(50_000, 50_000);
        assertThat(bomb.length).isLessThan(1024);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        ApiClient.Reply r = api.submit(new ApiClient.Form().file("content", "bomb.png", bomb)
                .file("style", style).field("size", "64"));
        double seconds = (System.nanoTime() - start) / 1e9;
        long grown = rt.totalMemory() - rt.freeMemory() - before;
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).isEqualTo("The photo is 50000×50000 pixels (2500 megapixels); the limit is 50 "
                + "megapixels.");
        // Decoding would have needed 10 GB; refusing takes next to nothing.
        assertThat(grown).isLessThan(200L << 20);
        assertThat(seconds).isLessThan(5);
    }

    @Test
    void badOptionsAndUnknownJobsAreExplained() throws Exception {
        assertThat(api.submit(new ApiClient.Form().file("content", photo).file("style", style).field("size", "5000"))
                .error())
                .isEqualTo("The size must be a whole number of pixels from 64 to 256.");
        assertThat(api.submit(new ApiClient.Form().file("content", photo).file("style", style)
                .field("strength", "lots")).error()).isEqualTo("The strength must be a number from 0 to 100.");
        assertThat(api.submit(new ApiClient.Form().file("style", style)).error()).isEqualTo("Choose a photo to paint.");
        assertThat(api.submit(new ApiClient.Form().file("content", photo)).error()).startsWith("Choose a style");
        assertThat(api.get("/api/jobs/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
        assertThat(api.get("/api/jobs/..%2F..%2Fetc%2Fpasswd").status()).isEqualTo(404);
        assertThat(api.get("/api/jobs/0123456789abcdef0123456789abcdef/result.png").error())
                .contains("no such job");
        assertThat(readEvents(api, "0123456789abcdef0123456789abcdef")).singleElement()
                .asString().startsWith("error ").contains("no such job");
    }

    @Test
    void otherSitesCannotSubmitJobs() throws Exception {
        ApiClient.Reply r = api.submit(photoAndStyle(), Map.of("Origin", "http://evil.example"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("Requests from other sites are refused.");
        ApiClient.Reply same = api.submit(photoAndStyle(),
                Map.of("Origin", "http://127.0.0.1:" + quick.port()));
        assertThat(same.status()).isEqualTo(202);
        // One job at a time in this JVM (one gradient tape per process): end it before the next test.
        String id = same.json().path("id").asText();
        api.delete("/api/jobs/" + id);
        api.awaitFinal(id, WAIT);
    }

    @Test
    void thePageIsServed() {
        ApiClient.Reply page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>Atelier");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(api.get("/app.js").status()).isEqualTo(200);
        assertThat(api.get("/style.css").status()).isEqualTo(200);
        assertThat(api.get("/api/limits").json().path("maxSize").asInt()).isEqualTo(256);
    }

    /** The job's event stream until the server closes it, as "name data" lines. */
    static List<String> readEvents(ApiClient client, String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve("/api/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream").timeout(WAIT).GET().build();
        HttpResponse<InputStream> r = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ") && name != null) {
                    events.add(name + " " + line.substring(6));
                    name = null;
                }
            }
        }
        return events;
    }
}
