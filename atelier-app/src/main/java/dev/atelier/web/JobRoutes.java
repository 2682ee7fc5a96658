package dev.atelier.web;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/** The job endpoints: submit, status, events, preview, result, cancel. */
final class JobRoutes {

    private final JobForm form;
    private final JobRegistry registry;
    private final JobQueue queue;
    private final EventHub events;
    private final ResultFiles results;

    JobRoutes(JobForm form, JobRegistry registry, JobQueue queue, EventHub events, ResultFiles results) {
        this.form = form;
        this.registry = registry;
        this.queue = queue;
        this.events = events;
        this.results = results;
    }

    /** {@code POST /api/jobs}: 202 with the job's view, 400/413 for bad uploads, 429 when the line is full. */
    void create(Context ctx) {
        JobForm.Received received = form.receive(ctx);
        // A busy server refuses before decoding; not before reading, though, or the answer could be lost
        // while the client is still sending.
        queue.requireRoom();
        JobRequest request = form.decode(received);
        Job job = registry.create(request);
        try {
            queue.submit(job);
        } catch (ApiException e) {
            registry.remove(job);
            throw e;
        }
        ctx.status(202).header("Location", "/api/jobs/" + job.id()).json(view(job));
    }

    /** {@code GET /api/jobs/{id}}. */
    void status(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(view(job(ctx)));
    }

    /** {@code GET /api/jobs/{id}/events}: Server-Sent Events, see {@link EventHub}. */
    void events(SseClient client) {
        Job job = registry.find(client.ctx().pathParam("id")).orElse(null);
        if (job == null) {
            client.sendEvent("error", "{\"error\":\"There is no such job (it may have expired).\"}");
            client.close();
            return;
        }
        events.watch(job, client);
    }

    /** {@code GET /api/jobs/{id}/preview.png}: the latest preview, or the picture once it is done. */
    void preview(Context ctx) {
        Job job = job(ctx);
        Preview preview = job.preview();
        if (preview != null) {
            ctx.header("Cache-Control", "no-store").contentType("image/png").result(preview.png());
        } else if (job.state() == JobState.DONE) {
            sendResult(ctx, job, false);
        } else {
            throw ApiException.notFound("There is no preview yet.");
        }
    }

    /** {@code GET /api/jobs/{id}/result.png} ({@code ?download=1} to save it as a file). */
    void result(Context ctx) {
        Job job = job(ctx);
        if (job.state() != JobState.DONE) {
            throw new ApiException(409, job.state().isFinal() ? "This job ended without a picture."
                    : "The picture is not finished yet.");
        }
        String strength = ctx.queryParam("strength");
        if (strength != null && job.photoPng() != null) {
            sendBlended(ctx, job, strength);
            return;
        }
        sendResult(ctx, job, "1".equals(ctx.queryParam("download")));
    }

    /** An instant style's picture blended with its photo at {@code ?strength=S}, as the page shows it. */
    private void sendBlended(Context ctx, Job job, String strengthText) {
        double strength;
        try {
            strength = Double.parseDouble(strengthText);
        } catch (NumberFormatException e) {
            strength = Double.NaN;
        }
        if (!(strength >= 0 && strength <= 100)) {
            throw ApiException.badRequest("The strength must be a number from 0 to 100.");
        }
        java.awt.image.BufferedImage painted;
        try {
            painted = dev.atelier.image.ImageLoader.read(results.pathFor(job));
        } catch (dev.atelier.image.ImageException e) {
            throw ApiException.notFound("The picture has expired.");
        }
        java.awt.image.BufferedImage photo = dev.atelier.image.ImageLoader.read(job.photoPng(), "photo");
        String name = "atelier-" + job.id().substring(0, 8) + ".png";
        ctx.contentType("image/png")
                .header("Content-Disposition", ("1".equals(ctx.queryParam("download")) ? "attachment" : "inline")
                        + "; filename=\"" + name + "\"")
                .result(PngBytes.of(dev.atelier.instant.Finish.blend(painted, photo, strength)));
    }

    /** {@code GET /api/jobs/{id}/photo.png}: for an instant style, the photo the picture was painted from. */
    void photo(Context ctx) {
        Job job = job(ctx);
        byte[] png = job.photoPng();
        if (png == null) {
            throw ApiException.notFound("This job has no photo to blend with.");
        }
        ctx.header("Cache-Control", "no-store").contentType("image/png").result(png);
    }

    /** {@code DELETE /api/jobs/{id}}: 202 while a running job is stopping, else 200; the view either way. */
    void cancel(Context ctx) {
        Job job = job(ctx);
        queue.cancel(job);
        boolean stopping = job.state() == JobState.RUNNING;
        ctx.status(stopping ? 202 : 200).json(view(job));
    }

    /** {@code GET /api/limits}: what the page needs to check before it uploads. */
    static Map<String, Object> limits(ServerSettings s) {
        return Map.of("maxUploadBytes", s.maxUploadBytes(), "maxPixels", s.maxPixels(),
                "minSize", ServerSettings.MIN_OUTPUT_SIDE, "maxSize", s.maxOutputSide(),
                "defaultSize", s.defaultOutputSide(), "defaultStrength", StrengthMapping.DEFAULT,
                "queueCapacity", s.queueCapacity());
    }

    JobView view(Job job) {
        return JobView.of(job, queue.position(job));
    }

    private Job job(Context ctx) {
        return registry.find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("There is no such job (it may have expired)."));
    }

    private void sendResult(Context ctx, Job job, boolean download) {
        InputStream in;
        try {
            in = Files.newInputStream(results.pathFor(job));
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("The picture has expired.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "atelier-" + job.id().substring(0, 8) + ".png";
        ctx.contentType("image/png")
                .header("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + name + "\"")
                .result(in);
    }
}
