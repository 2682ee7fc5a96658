package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.atelier.image.CaffeImage;
import dev.atelier.loss.ContentLoss;
import dev.atelier.loss.LossTerm;
import dev.atelier.loss.MaskPyramid;
import dev.atelier.loss.StyleLoss;
import dev.atelier.loss.TotalVariationLoss;
import dev.atelier.network.FeatureNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the objective for a content image and its styles; targets are computed here, once per run. */
public final class ObjectiveBuilder {

    private ObjectiveBuilder() {}

    /** @param manager the run's manager: targets live in it until the run ends */
    public static StyleTransferObjective build(FeatureNetwork network, NDManager manager, LossSpec spec,
                                               CaffeImage content, List<StyleInput> styles) {
        return build(network, manager, spec, content, styles, List.of());
    }

    /** As above, with more terms (a video's temporal loss) added to the spec's. */
    public static StyleTransferObjective build(FeatureNetwork network, NDManager manager, LossSpec spec,
                                               CaffeImage content, List<StyleInput> styles, List<LossTerm> extra) {
        int h = content.height();
        int w = content.width();
        List<LossTerm> terms = new ArrayList<>();
        try (NDManager scratch = manager.newSubManager()) {
            if (!spec.contentLayers().isEmpty()) {
                NDArray contentImage = Tensors.fromHwc(scratch, content.data(), h, w);
                Map<String, NDArray> targets =
                        Targets.activations(network, manager, contentImage, spec.contentLayers().keySet());
                spec.contentLayers().forEach((layer, weight) -> terms.add(
                        new ContentLoss(layer, weight, targets.get(layer), spec.contentNormalization())));
            }
            if (!spec.styleLayers().isEmpty() && !styles.isEmpty()) {
                terms.add(new StyleLoss(spec.styleLayers(), styleRegions(network, manager, scratch,
                        spec.styleLayers().keySet(), styles, h, w), spec.styleNormalization()));
            }
        }
        if (spec.tvWeight() != 0) {
            terms.add(new TotalVariationLoss(spec.tvWeight(), spec.tvExponent()));
        }
        terms.addAll(extra);
        return new StyleTransferObjective(network, terms, h, w);
    }

    /** One content and one style image, as the seed preset has them. */
    public static StyleTransferObjective build(FeatureNetwork network, NDManager manager, LossSpec spec,
                                               CaffeImage content, CaffeImage style) {
        return build(network, manager, spec, content, List.of(StyleInput.of(style)));
    }

    /**
     * Without masks, one region whose target is the blend {@code Σ b_i A_i} of the styles' Gram matrices; with
     * masks, one guided region per style, its target scaled by the mask's mean square (a masked Gram sums over
     * that much of the image).
     */
    private static List<StyleLoss.Region> styleRegions(FeatureNetwork network, NDManager manager, NDManager scratch,
                                                       Set<String> layers, List<StyleInput> styles, int h, int w) {
        boolean masked = styles.stream().anyMatch(s -> s.mask() != null);
        double weightSum = styles.stream().mapToDouble(StyleInput::blendWeight).sum();
        List<StyleLoss.Region> regions = new ArrayList<>();
        Map<String, NDArray> blend = new HashMap<>();
        for (StyleInput style : styles) {
            CaffeImage image = style.image();
            NDArray styleImage = Tensors.fromHwc(scratch, image.data(), image.height(), image.width());
            Map<String, NDArray> grams = Targets.grams(network, manager, styleImage, layers);
            // A Gram matrix sums over pixels: bring a style of another size to the output's scale.
            double sizeRatio = (double) h * w / ((double) image.height() * image.width());
            if (masked) {
                NDArray mask = maskArray(manager, style.mask(), h, w);
                Map<String, Integer> pools = new HashMap<>();
                layers.forEach(l -> pools.put(l, network.layer(l).pools()));
                Map<String, NDArray> masks = MaskPyramid.forLayers(mask, pools, network.poolsRoundUp());
                Map<String, NDArray> targets = new HashMap<>();
                for (String layer : layers) {
                    double coverage = masks.get(layer).square().mean().getFloat();
                    targets.put(layer, scaled(grams.get(layer), sizeRatio * coverage, manager));
                }
                regions.add(new StyleLoss.Region(targets, masks));
            } else {
                double share = style.blendWeight() / weightSum;
                for (String layer : layers) {
                    NDArray part = scaled(grams.get(layer), sizeRatio * share, manager);
                    NDArray sum = blend.get(layer);
                    blend.put(layer, sum == null ? part : sum.add(part));
                }
            }
        }
        if (!masked) {
            blend.values().forEach(g -> g.attach(manager));
            regions.add(StyleLoss.Region.whole(blend));
        }
        return regions;
    }

    /** {@code gram × factor}; the same array when the factor is 1, so the seed preset's targets stay bit-exact. */
    private static NDArray scaled(NDArray gram, double factor, NDManager manager) {
        if (factor == 1.0) {
            return gram;
        }
        NDArray out = gram.mul((float) factor);
        out.attach(manager);
        return out;
    }

    private static NDArray maskArray(NDManager manager, float[] mask, int h, int w) {
        float[] values = mask != null ? mask : filled(h * w);
        return manager.create(values, new Shape(1, 1, h, w));
    }

    private static float[] filled(int n) {
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        return ones;
    }
}
