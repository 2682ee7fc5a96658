package dev.atelier.web;

import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageException;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.Progress;
import dev.atelier.transfer.Schedule;
import dev.atelier.transfer.StylizeJob;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one job on the worker thread: the stylization, its progress and previews, and the finished picture. */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** Progress events are sent at most this often (plus at every outer iteration's end). */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(200);

    /** On the device for the server's lifetime; jobs take the pooling they ask for from it. */
    private final FeatureNetwork network;
    private final Schedule schedule;
    private final Duration previewInterval;
    private final ResultFiles results;
    private final JobEvents events;
    private final Clock clock;
    private final InstantStyles instant;

    JobRunner(FeatureNetwork network, Schedule schedule, Duration previewInterval, ResultFiles results, JobEvents events,
              Clock clock) {
        this(network, schedule, previewInterval, results, events, clock, InstantStyles.none());
    }

    JobRunner(FeatureNetwork network, Schedule schedule, Duration previewInterval, ResultFiles results, JobEvents events,
              Clock clock, InstantStyles instant) {
        this.instant = instant;
        this.network = network;
        this.schedule = schedule;
        this.previewInterval = previewInterval;
        this.results = results;
        this.events = events;
        this.clock = clock;
    }

    void run(Job job) {
        JobRequest request = job.takeRequest();
        if (job.cancelRequested() || request == null) {
            end(job, JobState.CANCELLED, null);
            return;
        }
        job.started();
        events.stateChanged(job);
        if (request.instant() != null) {
            runInstant(job, request);
            return;
        }
        StylizeJob.Result r;
        try {
            Throttle previews = new Throttle(previewInterval);
            Throttle updates = new Throttle(PROGRESS_INTERVAL);
            r = new StylizeJob(network).run(spec(request), p -> {
                onProgress(job, p, previews, updates);
                return !job.cancelRequested();
            }, job::cancelRequested);
        } catch (IllegalArgumentException e) {
            end(job, JobState.FAILED, failure("The picture could not be painted: " + e.getMessage()));
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("job {} failed", job.id(), e);
            end(job, JobState.FAILED, failure("The picture could not be painted because of an error in the "
                    + "server (see its log)."));
            return;
        }
        if (r.cancelled() || job.cancelRequested()) {
            end(job, JobState.CANCELLED, null);
            return;
        }
        BufferedImage image = r.image();
        try {
            end(job, JobState.DONE, new Job.Outcome(results.save(job, image), image.getWidth(),
                    image.getHeight(), null));
        } catch (ImageException e) {
            LOG.error("job {}: {}", job.id(), e.getMessage());
            end(job, JobState.FAILED, failure("The picture was painted but could not be saved on the server "
                    + "(see its log)."));
        }
    }

    /**
     * One forward pass of an instant style on the photo at the asked size. The picture is kept at full strength,
     * with the photo beside it: the page blends the two at any strength without another job.
     */
    private void runInstant(Job job, JobRequest request) {
        BufferedImage photo = dev.atelier.image.ImageResizer.resizeLongestSide(request.content(), request.size());
        BufferedImage painted;
        try {
            painted = instant.network(request.instant()).apply(photo);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("job {} failed", job.id(), e);
            end(job, JobState.FAILED, failure("The picture could not be painted because of an error in the "
                    + "server (see its log)."));
            return;
        }
        if (job.cancelRequested()) {
            end(job, JobState.CANCELLED, null);
            return;
        }
        try {
            job.photo(PngBytes.of(photo));
            end(job, JobState.DONE, new Job.Outcome(results.save(job, painted), painted.getWidth(),
                    painted.getHeight(), null));
        } catch (ImageException e) {
            LOG.error("job {}: {}", job.id(), e.getMessage());
            end(job, JobState.FAILED, failure("The picture was painted but could not be saved on the server "
                    + "(see its log)."));
        }
    }

    private static Job.Outcome failure(String message) {
        return new Job.Outcome(null, 0, 0, message);
    }

    private JobSpec spec(JobRequest request) {
        return new JobSpec(request.content(), List.of(request.style()), List.of(), List.of(), null, request.size(),
                List.of(), 1, JobSpec.InitChoice.random(0), JobSpec.ColorMode.NONE,
                StrengthMapping.recipe(request.strength(), schedule, network.family()));
    }

    private void onProgress(Job job, Progress p, Throttle previews, Throttle updates) {
        job.progressed(JobProgress.of(p));
        long now = System.nanoTime();
        if (previews.due(p.iterationEnd(), now)) {
            BufferedImage current = CaffePreprocessing.deprocess(p.image().get(), p.height(), p.width());
            job.previewed(PngBytes.of(current));
            events.previewReady(job);
        }
        if (updates.due(p.iterationEnd(), now)) {
            events.progressed(job);
        }
    }

    private void end(Job job, JobState state, Job.Outcome outcome) {
        job.finish(state, outcome, clock.instant());
        events.stateChanged(job);
    }
}
