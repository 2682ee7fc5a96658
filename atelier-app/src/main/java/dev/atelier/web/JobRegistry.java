package dev.atelier.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The jobs the server knows, by id; finished ones are forgotten (and their pictures deleted) after a while. */
final class JobRegistry {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    Job create(JobRequest request) {
        Job job = new Job(JobIds.next(), request);
        jobs.put(job.id(), job);
        return job;
    }

    /** The job with this id; an id the server could not have made is not looked up. */
    int size() {
        return jobs.size();
    }

    Optional<Job> find(String id) {
        return JobIds.isWellFormed(id) ? Optional.ofNullable(jobs.get(id)) : Optional.empty();
    }

    void remove(Job job) {
        jobs.remove(job.id(), job);
    }

    /** Removes the jobs that finished more than {@code keep} ago, and returns them. */
    List<Job> expire(Instant now, Duration keep) {
        List<Job> gone = new ArrayList<>();
        for (Job job : jobs.values()) {
            Instant finished = job.finished();
            if (finished != null && !finished.plus(keep).isAfter(now) && jobs.remove(job.id(), job)) {
                gone.add(job);
            }
        }
        return gone;
    }
}
