package dev.atelier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.weights.KnownModel;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.RandomWeights;
import dev.atelier.weights.WeightsStore;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every known model: name, network, format, size, published checksum, whether it is cached, "
                + "and where it comes from.")
final class WeightsListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
        WeightsStore store = WeightsSelection.store(null);
        if (json) {
            System.out.println(asJson(store));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%-18s %-6s %-22s %18s  %s%n", "NAME", "NET", "FORMAT", "SIZE", "CACHED");
        for (KnownModel m : ModelCatalog.standard().models()) {
            System.out.printf(Locale.ROOT, "%-18s %-6s %-22s %18s  %s%n", m.name(), m.architecture(),
                    m.format().label(), m.sizeKnown() ? String.format(Locale.ROOT, "%,d bytes", m.size()) : "unpublished",
                    store.isCached(m) ? "yes" : "no");
            System.out.println("    " + m.checksum().describe());
            System.out.println("    " + m.url() + (m.alternates().isEmpty() ? "" : " (also " + m.alternates().get(0) + ")"));
        }
        System.out.printf(Locale.ROOT, "%-18s %-6s %-22s %18s  %s%n", RandomWeights.MODEL_NAME, "VGG16", "generated",
                "-", "always");
        System.out.println("    He-normal, seed " + RandomWeights.SEED + ": for trying Atelier offline; far weaker "
                + "than trained weights");
        System.out.println("cache: " + store.directory());
        return 0;
    }

    private static ObjectNode asJson(WeightsStore store) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("cache", store.directory().toString());
        ArrayNode models = root.putArray("models");
        for (KnownModel m : ModelCatalog.standard().models()) {
            ObjectNode o = models.addObject();
            o.put("name", m.name()).put("network", m.architecture().name()).put("format", m.format().label());
            if (m.sizeKnown()) {
                o.put("size", m.size());
            } else {
                o.putNull("size");
            }
            o.putObject("checksum").put("algorithm", m.checksum().algorithm().label()).put("hex", m.checksum().hex())
                    .put("prefix_only", m.checksum().prefixOnly());
            o.put("cached", store.isCached(m)).put("path", store.path(m).toString()).put("url", m.url().toString());
            ArrayNode alternates = o.putArray("alternates");
            m.alternates().forEach(u -> alternates.add(u.toString()));
        }
        models.addObject().put("name", RandomWeights.MODEL_NAME).put("network", "VGG16").put("format", "generated")
                .put("cached", true);
        return root;
    }
}
