package dev.atelier.cli;

import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Schedule;
import dev.atelier.web.ServerSettings;
import dev.atelier.web.WebServer;
import io.javalin.util.JavalinBindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Serves the web app: pick a photo and a style in the browser, watch it being painted, "
                + "download it. Jobs run one at a time; the seed preset unless told otherwise.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to "
                    + "the network).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--styles", paramLabel = "DIR",
            description = "Folder of style images offered as a gallery (its images, not its subfolders).")
    Path styles;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Where finished pictures are written (default: a temporary folder removed at exit).")
    Path results;

    @Mixin
    EngineOptions engine;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_QUEUE,
            description = "Jobs that may wait behind the running one; more are refused with 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "20",
            description = "Largest uploaded image file (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @Option(names = "--max-megapixels", paramLabel = "MP", defaultValue = "50",
            description = "Largest uploaded image, checked from its header before decoding (default: ${DEFAULT-VALUE}).")
    int maxMegapixels;

    @Option(names = "--max-size", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_MAX_OUTPUT_SIDE,
            description = "Largest output (longest side) a job may ask for (default: ${DEFAULT-VALUE}).")
    int maxSize;

    @Option(names = "--keep-minutes", paramLabel = "N", defaultValue = "60",
            description = "How long finished pictures are kept (default: ${DEFAULT-VALUE}).")
    int keepMinutes;

    @Option(names = "--preview-seconds", paramLabel = "S", defaultValue = "2",
            description = "Longest time between two previews of a running job; one is also made every outer "
                    + "iteration (default: ${DEFAULT-VALUE}).")
    double previewSeconds;

    @Option(names = "--instant", paramLabel = "NAME|PATH", split = ",",
            description = "Instant styles to offer beside the paintings: catalogue names (downloaded on first use) or "
                    + "style-network folders/files. Default: every instant style already in the cache.")
    java.util.List<String> instantStyles;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings(schedule.toSchedule(Preset.SEED));
        WebServer server;
        try {
            dev.atelier.web.InstantStyles instant = InstantCatalog.forServer(instantStyles, engine.mirror);
            // The server puts the weights on the device; their Java copy is not kept.
            server = WebServer.start(engine.start(), settings, instant);
        } catch (JavalinBindException e) {
            throw new UserException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        System.gc(); // the weights' Java copy is garbage now; the launcher's heap settings then hand its pages back
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "atelier-shutdown"));
        System.out.println("atelier: serving on " + server.uri() + " (Ctrl-C stops)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private ServerSettings settings(Schedule plan) {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        if (styles != null && !Files.isDirectory(styles)) {
            throw new UsageException("--styles must be a folder, got " + styles);
        }
        if (queue < 1 || queue > 1000) {
            throw new UsageException("--queue must be between 1 and 1000, got " + queue);
        }
        if (maxUploadMb < 1 || maxUploadMb > 1000) {
            throw new UsageException("--max-upload-mb must be between 1 and 1000, got " + maxUploadMb);
        }
        if (maxMegapixels < 1 || maxMegapixels > 1000) {
            throw new UsageException("--max-megapixels must be between 1 and 1000, got " + maxMegapixels);
        }
        if (maxSize < ServerSettings.MIN_OUTPUT_SIDE || maxSize > Sizes.MAX_SIDE) {
            throw new UsageException("--max-size must be between " + ServerSettings.MIN_OUTPUT_SIDE + " and "
                    + Sizes.MAX_SIDE + ", got " + maxSize);
        }
        if (keepMinutes < 1) {
            throw new UsageException("--keep-minutes must be at least 1, got " + keepMinutes);
        }
        if (!(previewSeconds >= 0.1 && previewSeconds <= 3600)) {
            throw new UsageException("--preview-seconds must be between 0.1 and 3600, got " + previewSeconds);
        }
        return new ServerSettings(host, port, styles, results, queue, (long) maxUploadMb << 20,
                maxMegapixels * 1_000_000L, maxSize, ServerSettings.DEFAULT_OUTPUT_SIDE,
                Duration.ofMinutes(keepMinutes), Duration.ofMillis(Math.round(previewSeconds * 1000)), plan);
    }
}
