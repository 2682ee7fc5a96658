package dev.atelier.loss;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/**
 * Ruder et al.'s (2016) short-term temporal loss for video: {@code weight · (1/D) Σ c ⊙ (x − ω)²}, ω the previous
 * frame's result warped to this frame by the optical flow, c the flow's reliability mask (0 where the previous
 * frame does not show this pixel), D the number of values in the image. On the preprocessed image.
 */
public final class TemporalLoss implements LossTerm {

    private final double weight;
    private final NDArray warped;
    private final NDArray mask;

    /**
     * @param warped {@code 1×3×H×W}, preprocessed as the image is
     * @param mask   {@code 1×1×H×W}, 0 to 1
     */
    public TemporalLoss(double weight, NDArray warped, NDArray mask) {
        this.weight = weight;
        this.warped = warped;
        this.mask = mask;
    }

    @Override
    public String name() {
        return "temporal";
    }

    @Override
    public Set<String> layers() {
        return Set.of();
    }

    @Override
    public NDArray imagePart(NDArray image) {
        NDArray weighted = image.sub(warped).square().mul(mask);
        return Scalars.times(weighted.sum(), weight / image.getShape().size());
    }
}
