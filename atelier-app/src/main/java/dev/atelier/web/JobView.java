package dev.atelier.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A job as the API shows it ({@code GET /api/jobs/{id}} and every server-sent event). Absent values are left out
 * of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobView(String id, String status, Integer queuePosition, ProgressView progress, Integer previewVersion,
               String previewUrl, String resultUrl, Integer width, Integer height, String style, String error,
               String photoUrl) {

    /** Progress figures; loss terms that are not known at this step are absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressView(int iteration, int iterations, int evaluations, int budget, double fraction, Double loss,
                        Double contentLoss, Double styleLoss, Double tvLoss, double seconds, Double etaSeconds) {

        static ProgressView of(JobProgress p) {
            return new ProgressView(p.iteration(), p.iterations(), p.evaluations(), p.budget(), p.fraction(),
                    finite(p.loss()), finite(p.contentLoss()), finite(p.styleLoss()), finite(p.tvLoss()),
                    p.seconds(), finite(p.etaSeconds()));
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    static JobView of(Job job, int queuePosition) {
        String base = "/api/jobs/" + job.id();
        JobState state = job.state();
        Job.Outcome outcome = job.outcome();
        JobProgress progress = job.progress();
        Preview preview = job.preview();
        boolean done = state == JobState.DONE;
        Integer previewVersion = preview != null ? Integer.valueOf(preview.version()) : null;
        String previewUrl = preview != null ? base + "/preview.png?v=" + preview.version()
                : done ? base + "/result.png" : null;
        return new JobView(job.id(), state.label(), state == JobState.QUEUED ? queuePosition : null,
                progress == null ? null : ProgressView.of(progress), previewVersion, previewUrl,
                done ? base + "/result.png" : null,
                done ? outcome.width() : null, done ? outcome.height() : null, job.styleLabel(),
                outcome == null ? null : outcome.error(),
                done && job.photoPng() != null ? base + "/photo.png" : null);
    }
}
