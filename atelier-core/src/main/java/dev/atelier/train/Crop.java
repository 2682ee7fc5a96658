package dev.atelier.train;

/** Where each training image's square is cut from its resized picture. */
public enum Crop {
    /** Seeded: the same seed, step and image always give the same square. */
    RANDOM,
    /** The centre, as the reference's {@code train-step} (left = (w−N)//2, top = (h−N)//2). */
    CENTER
}
