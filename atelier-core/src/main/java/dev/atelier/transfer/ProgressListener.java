package dev.atelier.transfer;

/** Receives the run's progress stream; returning {@code false} cancels the run after this step. */
@FunctionalInterface
public interface ProgressListener {
    boolean onProgress(Progress progress);

    static ProgressListener of(java.util.function.Consumer<Progress> consumer) {
        return p -> {
            consumer.accept(p);
            return true;
        };
    }
}
