package dev.atelier.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.loss.ContentLoss;
import dev.atelier.loss.LossTerm;
import dev.atelier.loss.StyleLoss;
import dev.atelier.loss.TotalVariationLoss;
import dev.atelier.network.VggNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the objective for one content and one style image; targets are computed here, once per run. */
public final class ObjectiveBuilder {

    private ObjectiveBuilder() {}

    /**
     * @param manager the run's manager: targets live in it until the run ends
     * @param content preprocessed content image, H×W×3
     * @param style   preprocessed style image, styleHeight×styleWidth×3
     */
    public static StyleTransferObjective build(VggNetwork network, NDManager manager, LossSpec spec,
                                               float[] content, int height, int width,
                                               float[] style, int styleHeight, int styleWidth) {
        List<LossTerm> terms = new ArrayList<>();
        try (NDManager scratch = manager.newSubManager()) {
            if (!spec.contentLayers().isEmpty()) {
                NDArray contentImage = Tensors.fromHwc(scratch, content, height, width);
                Map<String, NDArray> targets =
                        Targets.activations(network, manager, contentImage, spec.contentLayers().keySet());
                spec.contentLayers().forEach((layer, weight) ->
                        terms.add(new ContentLoss(layer, weight, targets.get(layer))));
            }
            if (!spec.styleLayers().isEmpty()) {
                NDArray styleImage = Tensors.fromHwc(scratch, style, styleHeight, styleWidth);
                Map<String, NDArray> grams = Targets.grams(network, manager, styleImage, spec.styleLayers().keySet());
                terms.add(new StyleLoss(spec.styleLayers(), grams, spec.styleNormalization()));
            }
        }
        if (spec.tvWeight() != 0) {
            terms.add(new TotalVariationLoss(spec.tvWeight(), spec.tvExponent()));
        }
        return new StyleTransferObjective(network, terms, height, width);
    }
}
