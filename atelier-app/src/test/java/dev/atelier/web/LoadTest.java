package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.SharedFiles;
import dev.atelier.transfer.Schedule;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Fifty clients on loopback submit, poll and sometimes cancel for a few seconds: no 5xx, every accepted job ends
 * done or cancelled and none is lost, and status requests stay fast while jobs run.
 */
class LoadTest {

    private static final int CLIENTS = 50;
    private static final Duration BUSY_FOR = Duration.ofSeconds(12);
    private static final long MAX_STATUS_MILLIS = 200;

    @Test
    void fiftyClientsSubmittingAndPolling() throws Exception {
        byte[] photo = Files.readAllBytes(SharedFiles.smallImage("golden_gate-64x64.png"));
        byte[] style = Files.readAllBytes(SharedFiles.smallImage("the_scream-64x64.png"));
        try (WebServer server = TestServers.start(TestServers.settings(new Schedule(2, 5, true, 10), 8, 1 << 20,
                Duration.ofMillis(200)))) {
            ApiClient api = new ApiClient(server.uri());
            // One job first, alone: the engine's start-up is not what this test is about.
            long warmStart = System.nanoTime();
            String warmUp = api.submit(new ApiClient.Form().file("content", "photo.png", photo)
                    .file("style", "style.png", style).field("size", "64")).json().path("id").asText();
            assertThat(api.awaitFinal(warmUp, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("done");
            System.out.printf("load: warm-up job %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> problems = new CopyOnWriteArrayList<>();
            List<Long> statusMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<String> latest = new AtomicReference<>();
            long deadline = System.nanoTime() + BUSY_FOR.toNanos();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int round = 0; round < 200 && System.nanoTime() < deadline; round++) {
                        ApiClient.Reply r = api.submit(new ApiClient.Form().file("content", "photo.png", photo)
                                .file("style", "style.png", style).field("size", "64"));
                        count(statuses, r.status());
                        if (r.status() == 429) {
                            if (r.header("Retry-After") == null) {
                                problems.add("429 without Retry-After");
                            }
                            sleep(300 + random.nextInt(700));
                            continue;
                        }
                        if (r.status() != 202) {
                            problems.add("submit: HTTP " + r.status() + " " + new String(r.body()));
                            continue;
                        }
                        String id = r.json().path("id").asText();
                        accepted.add(id);
                        latest.set(id);
                        boolean cancels = random.nextInt(5) == 0;
                        for (int poll = 0; poll < 400 && System.nanoTime() < deadline; poll++) {
                            ApiClient.Reply s = api.get("/api/jobs/" + id);
                            count(statuses, s.status());
                            if (s.status() != 200) {
                                problems.add("status: HTTP " + s.status());
                                break;
                            }
                            String state = s.json().path("status").asText();
                            if (state.equals("done") || state.equals("cancelled") || state.equals("failed")) {
                                break;
                            }
                            if (cancels && poll == 1) {
                                count(statuses, api.delete("/api/jobs/" + id).status());
                            }
                            sleep(150 + random.nextInt(150));
                        }
                    }
                    return null;
                }));
            }
            // A watcher times status requests while the worker is busy.
            Future<?> watcher = clients.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String id = latest.get();
                    if (id != null) {
                        long t = System.nanoTime();
                        ApiClient.Reply s = api.get("/api/jobs/" + id);
                        long millis = (System.nanoTime() - t) / 1_000_000;
                        count(statuses, s.status());
                        if (s.status() == 200 && !s.json().path("status").asText().equals("done")) {
                            statusMillis.add(millis);
                        }
                    }
                    sleep(50);
                }
                return null;
            });
            for (Future<?> f : running) {
                f.get(BUSY_FOR.toSeconds() + 60, TimeUnit.SECONDS);
            }
            watcher.get(30, TimeUnit.SECONDS);
            clients.shutdown();

            // Whatever is still waiting or running is cancelled; then every accepted job must have ended.
            for (String id : accepted) {
                JsonNode s = api.status(id);
                if (!s.path("status").asText().equals("done")) {
                    api.delete("/api/jobs/" + id);
                }
            }
            Map<String, Integer> ends = new ConcurrentHashMap<>();
            for (String id : accepted) {
                String end = api.awaitFinal(id, Duration.ofSeconds(30)).path("status").asText();
                ends.merge(end, 1, Integer::sum);
            }

            List<Long> sorted = new ArrayList<>(statusMillis);
            Collections.sort(sorted);
            long p95 = sorted.isEmpty() ? 0 : sorted.get((int) Math.floor(0.95 * (sorted.size() - 1)));
            System.out.printf("load: %d accepted, ends %s, responses %s, %d timed status requests: median %d ms, "
                            + "95th percentile %d ms, max %d ms%n", accepted.size(), ends, statuses, sorted.size(),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), p95,
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));

            assertThat(problems).isEmpty();
            assertThat(statuses.keySet()).allMatch(code -> code < 500);
            assertThat(statuses).containsKeys(202, 429);
            assertThat(ends.keySet()).isSubsetOf("done", "cancelled");
            assertThat(ends.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(accepted.size());
            assertThat(sorted).hasSizeGreaterThan(20);
            assertThat(p95).as("95th percentile of status requests while painting, ms").isLessThan(MAX_STATUS_MILLIS);
        }
    }

    private static void count(Map<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
