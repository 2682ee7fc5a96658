package dev.atelier.network;

/**
 * A layer whose activation a loss can read.
 *
 * @param channels its output channels
 * @param stride   how many input pixels one of its pixels steps over (2 to the number of pools before it)
 */
public record FeatureLayer(String name, int channels, int stride) {

    /** The 2×2 pools between the input and this layer. */
    public int pools() {
        return Integer.numberOfTrailingZeros(stride);
    }
}
