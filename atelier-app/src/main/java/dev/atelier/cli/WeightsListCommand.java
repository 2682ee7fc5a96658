package dev.atelier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.weights.ArtifactFile;
import dev.atelier.weights.KnownModel;
import dev.atelier.weights.ModelArtifact;
import dev.atelier.weights.ModelCatalog;
import dev.atelier.weights.RandomWeights;
import dev.atelier.weights.WeightsStore;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every known model: name, kind, family, format, size, checksum, whether it is cached, where it "
                + "comes from and its licence.")
final class WeightsListCommand implements Callable<Integer> {

    private static final String ROW = "%-18s %-8s %-9s %-28s %18s  %s%n";

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
        WeightsStore store = WeightsSelection.store(null);
        ModelCatalog catalog = ModelCatalog.standard();
        if (json) {
            System.out.println(asJson(store, catalog));
            return 0;
        }
        System.out.printf(Locale.ROOT, ROW, "NAME", "KIND", "FAMILY", "FORMAT", "SIZE", "CACHED");
        for (ModelArtifact m : catalog.artifacts()) {
            Optional<KnownModel> vgg = m.folder() ? Optional.empty() : catalog.find(m.name());
            String format = vgg.map(k -> k.format().label() + ", " + k.architecture()).orElse(m.format().label());
            long size = m.size();
            System.out.printf(Locale.ROOT, ROW, m.name(), m.kind().label(), m.family().label(), format,
                    size >= 0 ? String.format(Locale.ROOT, "%,d bytes", size) : "unpublished",
                    store.isCached(m) ? "yes" : "no");
            if (m.folder()) {
                System.out.println("    " + m.files().size() + " files (" + m.files().get(0).path() + ", "
                        + m.files().get(1).path() + ", …), each with a pinned SHA-256");
            } else {
                System.out.println("    " + m.files().get(0).checksum().describe());
            }
            URI url = vgg.map(KnownModel::url).orElse(m.base());
            System.out.println("    from " + m.host() + ": " + url + (m.alternates().isEmpty() ? ""
                    : " (also " + vgg.map(k -> k.alternates().get(0)).orElse(m.alternates().get(0)).getHost() + ")"));
            System.out.println("    licence: " + m.licence());
        }
        System.out.printf(Locale.ROOT, ROW, RandomWeights.MODEL_NAME, "feature", "vgg", "generated, VGG16", "-",
                "always");
        System.out.println("    He-normal, seed " + RandomWeights.SEED + ": for trying Atelier offline; far weaker "
                + "than trained weights");
        System.out.println("cache: " + store.directory());
        return 0;
    }

    private static ObjectNode asJson(WeightsStore store, ModelCatalog catalog) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("cache", store.directory().toString());
        ArrayNode models = root.putArray("models");
        for (ModelArtifact a : catalog.artifacts()) {
            ObjectNode o = models.addObject();
            o.put("name", a.name()).put("kind", a.kind().label()).put("family", a.family().label());
            Optional<KnownModel> vgg = a.folder() ? Optional.empty() : catalog.find(a.name());
            if (vgg.isPresent()) {
                KnownModel m = vgg.get();
                o.put("network", m.architecture().name()).put("format", m.format().label());
                size(o, m.sizeKnown() ? m.size() : -1);
                o.putObject("checksum").put("algorithm", m.checksum().algorithm().label())
                        .put("hex", m.checksum().hex()).put("prefix_only", m.checksum().prefixOnly());
                o.put("url", m.url().toString());
                ArrayNode alternates = o.putArray("alternates");
                m.alternates().forEach(u -> alternates.add(u.toString()));
            } else {
                o.put("format", a.format().label());
                size(o, a.size());
                o.put("url", a.base().toString());
                ArrayNode alternates = o.putArray("alternates");
                a.alternates().forEach(u -> alternates.add(u.toString()));
                ArrayNode files = o.putArray("files");
                for (ArtifactFile f : a.files()) {
                    ObjectNode file = files.addObject().put("path", f.path()).put("sha256", f.checksum().hex());
                    size(file, f.size());
                }
            }
            o.put("folder", a.folder()).put("cached", store.isCached(a)).put("path", store.path(a).toString())
                    .put("host", a.host()).put("licence", a.licence());
        }
        models.addObject().put("name", RandomWeights.MODEL_NAME).put("kind", "feature").put("family", "vgg")
                .put("network", "VGG16").put("format", "generated").put("cached", true);
        return root;
    }

    private static void size(ObjectNode o, long size) {
        if (size >= 0) {
            o.put("size", size);
        } else {
            o.putNull("size");
        }
    }
}
