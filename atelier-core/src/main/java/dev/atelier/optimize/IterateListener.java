package dev.atelier.optimize;

/** Receives each accepted step; returning {@code false} stops the optimiser after this step (used for cancel). */
@FunctionalInterface
public interface IterateListener {
    boolean onIterate(Iterate iterate);

    IterateListener NONE = it -> true;
}
