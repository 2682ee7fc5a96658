package dev.atelier.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Streams job events to the pages watching them (Server-Sent Events). Every event carries the job's whole
 * {@link JobView}: {@code status} when its state or queue position changes, {@code progress} as it paints,
 * {@code preview} when a new preview can be fetched. A final status closes the stream.
 *
 * <p>All writes happen on one sender thread, so that the worker never waits for a slow client and events to one
 * client never interleave; the subscriber lists are touched only there.
 */
final class EventHub implements JobEvents, AutoCloseable {

    /** Proxies and the server's idle timeout close quiet connections; a comment now and then keeps them open. */
    private static final long HEARTBEAT_SECONDS = 15;

    private final Function<Job, JobView> views;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("atelier-events"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(daemon("atelier-heartbeat"));
    private final Map<String, List<SseClient>> watchers = new HashMap<>();

    EventHub(Function<Job, JobView> views) {
        this.views = views;
        heartbeat.scheduleWithFixedDelay(() -> submit(this::beat), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Starts streaming {@code job} to {@code client}, beginning with its current status. */
    void watch(Job job, SseClient client) {
        client.keepAlive();
        client.onClose(() -> submit(() -> forget(job.id(), client)));
        submit(() -> {
            boolean ended = job.state().isFinal(); // read first, as in publish
            JobView view = views.apply(job);
            send(client, "status", view);
            if (ended) {
                client.close();
            } else {
                watchers.computeIfAbsent(job.id(), k -> new ArrayList<>()).add(client);
            }
        });
    }

    @Override
    public void stateChanged(Job job) {
        publish(job, "status");
    }

    @Override
    public void progressed(Job job) {
        publish(job, "progress");
    }

    @Override
    public void previewReady(Job job) {
        publish(job, "preview");
    }

    @Override
    public void queueMoved(List<Job> waiting) {
        waiting.forEach(j -> publish(j, "status"));
    }

    /**
     * Sends the job as it is now. State and view are taken here, on the caller's thread, so that whether an event
     * is the last one (and closes the stream) follows the order in which things happened, not the order of
     * sending. (The state is read first: a job that ends in between is closed by the event of its ending.)
     */
    private void publish(Job job, String event) {
        boolean last = job.state().isFinal();
        JobView view = views.apply(job);
        submit(() -> {
            List<SseClient> clients = watchers.get(job.id());
            if (clients == null) {
                return;
            }
            for (SseClient c : List.copyOf(clients)) {
                send(c, event, view);
            }
            if (last) {
                watchers.remove(job.id());
                clients.forEach(SseClient::close);
            }
        });
    }

    private void send(SseClient client, String event, JobView view) {
        if (client.terminated()) {
            return;
        }
        try {
            client.sendEvent(event, json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            client.close(); // the page went away
        }
    }

    private void beat() {
        for (List<SseClient> clients : watchers.values()) {
            for (SseClient c : List.copyOf(clients)) {
                if (!c.terminated()) {
                    c.sendComment("keep-alive");
                }
            }
        }
    }

    private void forget(String jobId, SseClient client) {
        List<SseClient> clients = watchers.get(jobId);
        if (clients != null) {
            clients.remove(client);
            if (clients.isEmpty()) {
                watchers.remove(jobId);
            }
        }
    }

    private void submit(Runnable task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException e) {
            // Shutting down: nobody is listening any more.
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        submit(() -> {
            watchers.values().forEach(list -> list.forEach(SseClient::close));
            watchers.clear();
        });
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
