package dev.atelier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.ImageLoader;
import ai.djl.ndarray.NDManager;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.FeatureWeights;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.Inputs;
import dev.atelier.transfer.LossSpec;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.LossValues;
import dev.atelier.transfer.PointEvaluation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "loss", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false,
        description = "Prints the loss terms (seed preset unless told otherwise) and the L2 norm of the gradient at "
                + "one image, like reference_nst.py check.")
final class LossCommand implements Callable<Integer> {

    @Option(names = "--content", paramLabel = "FILE", required = true, description = "Content image.")
    Path content;

    @Option(names = "--style", paramLabel = "FILE", required = true, description = "Style image; resized to the content's size.")
    Path style;

    @Option(names = "--image", paramLabel = "FILE", description = "Where to evaluate: an image resized to the content's size (default: the content image).")
    Path image;

    @Mixin
    EngineOptions engine;

    @Option(names = "--size", paramLabel = "N", description = "Longest side to scale the content to (default: the content's own size).")
    Integer size;

    @Mixin
    ObjectiveOptions objective;

    @Option(names = "--json", description = "Print one JSON object {loss, content, style, tv, grad_l2} on stdout.")
    boolean json;

    @Override
    public Integer call() {
        if (size != null) {
            Sizes.checkSide("--size", size);
        }
        CaffeImage contentImage = Inputs.content(ImageLoader.read(content), size == null ? 0 : size);
        CaffeImage styleImage = Inputs.atSizeOf(ImageLoader.read(style), contentImage);
        CaffeImage at = image == null ? contentImage : Inputs.atSizeOf(ImageLoader.read(image), contentImage);
        FeatureWeights weights = engine.start(objective.network());
        objective.checkNetwork(weights.family());
        PointEvaluation.Result r;
        try (NDManager manager = TensorEngine.newManager()) {
            FeatureNetwork network = FeatureNetworks.upload(weights, manager);
            Recipe recipe = objective.recipe(network, null);
            LossSpec spec = recipe.lossSpec(network);
            checkSize(network, spec, contentImage);
            r = PointEvaluation.at(network.withPooling(recipe.resolvedPooling()), spec, contentImage, styleImage, at);
        }
        LossValues v = r.loss();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("loss", v.total()).put("content", v.content()).put("style", v.style()).put("tv", v.tv())
                    .put("grad_l2", r.gradientL2());
            System.out.println(o);
        } else {
            System.out.printf(Locale.ROOT, "loss %.6e = content %.6e + style %.6e + tv %.6e; |gradient| %.6e%n",
                    v.total(), v.content(), v.style(), v.tv(), r.gradientL2());
        }
        return 0;
    }

    private static void checkSize(FeatureNetwork network, LossSpec spec, CaffeImage content) {
        java.util.Set<String> layers = new java.util.HashSet<>(spec.contentLayers().keySet());
        layers.addAll(spec.styleLayers().keySet());
        int minimum = network.minimumSide(layers);
        if (Math.min(content.height(), content.width()) < minimum) {
            throw new UsageException("the images are " + content.width() + "×" + content.height() + ", too small for "
                    + network.family() + "'s layers: the shorter side must be at least " + minimum + " pixels");
        }
    }
}
