package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Set;

/**
 * {@code weight · Σ (a + b)^β} with {@code a = (x[i,j] − x[i+1,j])²}, {@code b = (x[i,j] − x[i,j+1])²} over
 * {@code i < H−1, j < W−1}, summed over channels, on the preprocessed image.
 */
public final class TotalVariationLoss implements LossTerm {

    private static final NDIndex CORNER = new NDIndex(":, :, :-1, :-1");
    private static final NDIndex BELOW = new NDIndex(":, :, 1:, :-1");
    private static final NDIndex RIGHT = new NDIndex(":, :, :-1, 1:");

    private final double weight;
    private final double exponent;

    public TotalVariationLoss(double weight, double exponent) {
        this.weight = weight;
        this.exponent = exponent;
    }

    @Override
    public String name() {
        return "tv";
    }

    @Override
    public Set<String> layers() {
        return Set.of();
    }

    @Override
    public NDArray imagePart(NDArray image) {
        NDArray corner = image.get(CORNER);
        NDArray a = corner.sub(image.get(BELOW)).square();
        NDArray b = corner.sub(image.get(RIGHT)).square();
        return Scalars.times(Scalars.power(a.add(b), exponent).sum(), weight);
    }
}
