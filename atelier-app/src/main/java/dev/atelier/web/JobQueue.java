package dev.atelier.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One worker thread that runs jobs one at a time (the engine allows one gradient tape per process), and a
 * bounded line of jobs waiting for it. A full line refuses new jobs with the time until a place frees up.
 */
final class JobQueue implements AutoCloseable {

    /** What to say when nothing is known of the running job's pace. */
    static final long DEFAULT_RETRY_SECONDS = 10;
    private static final long MAX_RETRY_SECONDS = 3600;

    private final int capacity;
    private final Consumer<Job> runner;
    private final JobEvents events;
    private final Clock clock;
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final Thread worker;
    private Job running;
    private boolean closed;

    JobQueue(int capacity, Consumer<Job> runner, JobEvents events, Clock clock) {
        this.capacity = capacity;
        this.runner = runner;
        this.events = events;
        this.clock = clock;
        this.worker = new Thread(this::work, "atelier-worker");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Adds the job to the line, or throws a 429 {@link ApiException} when the line is full. */
    synchronized void submit(Job job) {
        requireRoom();
        waiting.addLast(job);
        notifyAll();
    }

    /** Throws a 429 {@link ApiException} when a job submitted now would be refused. */
    synchronized void requireRoom() {
        if (closed) {
            throw new ApiException(503, "The server is shutting down.");
        }
        if (waiting.size() >= capacity) {
            throw ApiException.busy(retryAfterSeconds());
        }
    }

    /** 1 for the next job to run, 0 for one that is not waiting. */
    synchronized int position(Job job) {
        int i = 1;
        for (Job j : waiting) {
            if (j == job) {
                return i;
            }
            i++;
        }
        return 0;
    }

    /**
     * Cancels a waiting job at once, or asks the running one to stop (it does within one evaluation); a finished
     * job is left as it is.
     */
    void cancel(Job job) {
        List<Job> moved;
        synchronized (this) {
            if (!waiting.remove(job)) {
                if (job == running) {
                    job.requestCancel();
                }
                return;
            }
            job.requestCancel();
            job.finish(JobState.CANCELLED, null, clock.instant());
            moved = List.copyOf(waiting);
        }
        events.stateChanged(job);
        events.queueMoved(moved);
    }

    /** When a place in the line should free up: when the running job is expected to end. */
    private long retryAfterSeconds() {
        JobProgress p = running == null ? null : running.progress();
        double eta = p == null ? Double.NaN : p.etaSeconds();
        if (Double.isNaN(eta)) {
            return DEFAULT_RETRY_SECONDS;
        }
        return Math.max(1, Math.min(MAX_RETRY_SECONDS, (long) Math.ceil(eta) + 1));
    }

    private void work() {
        while (true) {
            Job job;
            List<Job> moved;
            synchronized (this) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                job = waiting.pollFirst();
                running = job;
                moved = List.copyOf(waiting);
            }
            events.queueMoved(moved);
            try {
                runner.accept(job);
            } finally {
                synchronized (this) {
                    running = null;
                }
            }
        }
    }

    /** Whether the worker thread has ended (after {@link #close}, unless a job ignored the cancellation). */
    boolean workerStopped() {
        return !worker.isAlive();
    }

    /** Cancels everything and waits (a few seconds at most) for the running job to stop. */
    @Override
    public void close() {
        List<Job> dropped;
        synchronized (this) {
            closed = true;
            dropped = List.copyOf(waiting);
            waiting.clear();
            if (running != null) {
                running.requestCancel();
            }
            notifyAll();
        }
        for (Job job : dropped) {
            job.requestCancel();
            job.finish(JobState.CANCELLED, null, clock.instant());
            events.stateChanged(job);
        }
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
