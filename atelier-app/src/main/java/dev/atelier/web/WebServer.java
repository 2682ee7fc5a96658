package dev.atelier.web;

import ai.djl.ndarray.NDManager;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.TensorEngine;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atelier in the browser: the page (from the jar's {@code /web} resources) and its REST API, one worker painting
 * jobs in turn. The weights are read once by the caller and put on the device once, for every job.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' blob: data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Javalin app;
    /** Holds the network's parameters for the server's lifetime. */
    private final NDManager device;
    private final JobQueue queue;
    private final EventHub events;
    private final ResultFiles results;
    private final ScheduledExecutorService janitor;
    private final JobRegistry registry;
    private URI uri;

    private final InstantStyles instant;

    private WebServer(FeatureNetwork network, NDManager device, ServerSettings settings, InstantStyles instant,
                      Clock clock) {
        this.device = device;
        this.instant = instant;
        results = ResultFiles.in(settings.resultsDirectory());
        JobRegistry registry = new JobRegistry();
        StyleGallery gallery = new StyleGallery(settings.stylesDirectory(), settings.maxPixels());
        JobQueue[] queueRef = new JobQueue[1]; // the hub shows queue positions; the queue tells the hub of moves
        events = new EventHub(job -> JobView.of(job, queueRef[0].position(job)));
        JobRunner runner = new JobRunner(network, settings.schedule(), settings.previewInterval(), results, events,
                clock, instant);
        queue = queueRef[0] = new JobQueue(settings.queueCapacity(), runner::run, events, clock);
        JobRoutes jobs = new JobRoutes(new JobForm(settings, new UploadDecoder(settings.maxPixels()), gallery,
                instant), registry, queue, events, results);
        StyleRoutes styles = new StyleRoutes(gallery, instant);
        this.registry = registry;
        RequestGuard guard = new RequestGuard(settings.host());
        long maxRequest = 2 * settings.maxUploadBytes() + (1 << 20);

        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.disableCompression(); // PNGs do not shrink, and compression would hold back events
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxRequest, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            guard.check(ctx);
        });
        app.before("/api/jobs", ctx -> {
            if (ctx.method().name().equals("POST") && ctx.contentLength() > maxRequest) {
                throw ApiException.tooLarge("The upload is larger than the limit of "
                        + JobForm.megabytes(settings.maxUploadBytes()) + " per image.");
            }
        });
        app.get("/api/limits", ctx -> ctx.json(JobRoutes.limits(settings)));
        app.get("/api/styles", styles::list);
        app.get("/api/styles/thumbnail", styles::thumbnail);
        app.post("/api/jobs", jobs::create);
        app.get("/api/jobs/{id}", jobs::status);
        app.delete("/api/jobs/{id}", jobs::cancel);
        app.sse("/api/jobs/{id}/events", jobs::events);
        app.get("/api/jobs/{id}/preview.png", jobs::preview);
        app.get("/api/jobs/{id}/result.png", jobs::result);
        app.get("/api/jobs/{id}/photo.png", jobs::photo);
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            ctx.status(e.status()).json(Map.of("error", e.getMessage()));
        });
        app.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(Map.of("error", e.getStatus() == 404
                        ? "There is nothing at " + ctx.path() + "." : e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("error", "Something went wrong in the server; see its log."));
        });

        Duration keep = settings.keepResults();
        janitor = Executors.newSingleThreadScheduledExecutor(EventHub.daemon("atelier-janitor"));
        long sweepMillis = Math.max(1000, Math.min(keep.toMillis() / 2, 60_000));
        janitor.scheduleWithFixedDelay(() -> registry.expire(clock.instant(), keep).forEach(results::delete),
                sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts serving; the weights must be read and the engine configured already. If the server cannot listen
     * (the port is taken, say), everything it had set up is undone before the exception is passed on.
     */
    public static WebServer start(FeatureWeights weights, ServerSettings settings) {
        return start(weights, settings, InstantStyles.none());
    }

    /** As {@link #start(FeatureWeights, ServerSettings)}, offering {@code instant} styles beside the paintings. */
    public static WebServer start(FeatureWeights weights, ServerSettings settings, InstantStyles instant) {
        TensorEngine.start(); // now: a broken install fails here, and the first job does not pay for loading it
        NDManager device = TensorEngine.newManager();
        WebServer server;
        try {
            server = new WebServer(FeatureNetworks.upload(weights, device), device, settings, instant,
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
        try {
            server.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        server.uri = URI.create("http://" + host + ":" + server.app.port() + "/");
        return server;
    }

    /** How many jobs the server holds (submitted and not yet expired). */
    int jobCount() {
        return registry.size();
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return app.port();
    }

    /** Cancels the running job (it stops within one evaluation), ends every stream and removes temporary files. */
    @Override
    public void close() {
        queue.close();
        events.close();
        app.stop();
        janitor.shutdownNow();
        results.close();
        // A job that did not stop in time still uses the parameters; the process is ending then anyway.
        if (queue.workerStopped()) {
            device.close();
            instant.close();
        }
    }
}
