package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The line of jobs and its one worker, with a stand-in for painting. */
class JobQueueTest {

    private static final BufferedImage PIXEL = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private static Job job() {
        return new Job(JobIds.next(), new JobRequest(PIXEL, PIXEL, "upload", 64, 100));
    }

    /** A runner that holds each job until released, then finishes it. */
    private static final class GatedRunner {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Job> ran = new CopyOnWriteArrayList<>();

        void run(Job job) {
            ran.add(job);
            job.started();
            started.countDown();
            try {
                while (!release.await(5, TimeUnit.MILLISECONDS)) {
                    if (job.cancelRequested()) {
                        job.finish(JobState.CANCELLED, null, Instant.now());
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            job.finish(JobState.DONE, new Job.Outcome(null, 1, 1, null), Instant.now());
        }
    }

    @Test
    void runsJobsOneAtATimeInOrderAndRefusesWhenTheLineIsFull() throws Exception {
        GatedRunner runner = new GatedRunner();
        try (JobQueue queue = new JobQueue(2, runner::run, JobEvents.NONE, Clock.systemUTC())) {
            Job first = job();
            queue.submit(first);
            assertThat(runner.started.await(5, TimeUnit.SECONDS)).isTrue();
            Job second = job();
            Job third = job();
            queue.submit(second);
            queue.submit(third);
            assertThat(queue.position(first)).isZero();
            assertThat(queue.position(second)).isEqualTo(1);
            assertThat(queue.position(third)).isEqualTo(2);
            assertThatThrownBy(() -> queue.submit(job())).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.retryAfterSeconds()).isEqualTo(JobQueue.DEFAULT_RETRY_SECONDS);
            });

            queue.cancel(second); // waiting: cancelled at once
            assertThat(second.state()).isEqualTo(JobState.CANCELLED);
            assertThat(queue.position(third)).isEqualTo(1);

            runner.release.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (third.state() != JobState.DONE && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(runner.ran).containsExactly(first, third);
            assertThat(first.state()).isEqualTo(JobState.DONE);
            assertThat(third.state()).isEqualTo(JobState.DONE);
        }
    }

    @Test
    void closingCancelsTheRunningAndTheWaitingJobs() throws Exception {
        GatedRunner runner = new GatedRunner();
        Job running = job();
        Job waiting = job();
        JobQueue queue = new JobQueue(4, runner::run, JobEvents.NONE, Clock.systemUTC());
        queue.submit(running);
        assertThat(runner.started.await(5, TimeUnit.SECONDS)).isTrue();
        queue.submit(waiting);
        queue.close();
        assertThat(running.state()).isEqualTo(JobState.CANCELLED);
        assertThat(waiting.state()).isEqualTo(JobState.CANCELLED);
        assertThatThrownBy(() -> queue.submit(job())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void theRetryAfterIsWhenTheRunningJobShouldEnd() throws Exception {
        GatedRunner runner = new GatedRunner();
        try (JobQueue queue = new JobQueue(1, runner::run, JobEvents.NONE, Clock.systemUTC())) {
            Job first = job();
            queue.submit(first);
            assertThat(runner.started.await(5, TimeUnit.SECONDS)).isTrue();
            first.progressed(new JobProgress(1, 10, 50, 200, 1, 1, 1, 1, 10.0, 30.0)); // 30 s left
            queue.submit(job());
            assertThatThrownBy(() -> queue.submit(job())).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.retryAfterSeconds()).isEqualTo(31));
            runner.release.countDown();
        }
    }

    @Test
    void throttleLetsTheFirstAndForcedCallsThroughAndOthersOncePerInterval() {
        Throttle t = new Throttle(java.time.Duration.ofMillis(100));
        long ms = 1_000_000;
        assertThat(t.due(false, 0)).isTrue();
        assertThat(t.due(false, 50 * ms)).isFalse();
        assertThat(t.due(true, 60 * ms)).isTrue();
        assertThat(t.due(false, 120 * ms)).isFalse();
        assertThat(t.due(false, 160 * ms)).isTrue();
    }

    @Test
    void jobIdsAreRandomHexAndNothingElseIsTakenForOne() {
        String id = JobIds.next();
        assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo(JobIds.next());
        assertThat(JobIds.isWellFormed(id)).isTrue();
        for (String bad : new String[] {null, "", "../" + id, id.toUpperCase(), id + "/x", id.substring(1)}) {
            assertThat(JobIds.isWellFormed(bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}
