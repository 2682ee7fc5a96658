package dev.atelier.web;

import java.util.List;

/** What happens to jobs, for whoever streams it to the page. Called from the worker and request threads. */
interface JobEvents {

    /** The job started, ended, or was cancelled while waiting. */
    void stateChanged(Job job);

    void progressed(Job job);

    void previewReady(Job job);

    /** The waiting jobs moved up (in this order). */
    void queueMoved(List<Job> waiting);

    JobEvents NONE = new JobEvents() {
        @Override
        public void stateChanged(Job job) {}

        @Override
        public void progressed(Job job) {}

        @Override
        public void previewReady(Job job) {}

        @Override
        public void queueMoved(List<Job> waiting) {}
    };
}
