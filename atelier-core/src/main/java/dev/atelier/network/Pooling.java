package dev.atelier.network;

/** The 2×2 stride-2 downsampling between VGG blocks. */
public enum Pooling {
    MAX,
    /** Gatys et al. found average pooling gives slightly smoother results. */
    AVG
}
