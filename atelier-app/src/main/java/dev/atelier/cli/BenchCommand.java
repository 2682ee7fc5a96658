package dev.atelier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.network.NativeAllocator;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.EvaluationBenchmark;
import dev.atelier.network.FeatureWeights;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Times one loss+gradient evaluation of the seed preset (on Darknet Tiny: on the reference's "
                + "layers for it) on random size×size images (median after two warm-up evaluations), like "
                + "reference_nst.py evals; with --weights naming an instant style network, times one forward pass "
                + "instead, like reference_fast.py time.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Option(names = "--size", paramLabel = "N", defaultValue = "256", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--evaluations", paramLabel = "K", defaultValue = "5", description = "Timed evaluations (default: ${DEFAULT-VALUE}).")
    int evaluations;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of a sentence.")
    boolean json;

    @Option(names = "--profile", paramLabel = "FILE", description = "Also write PyTorch's profile of one more "
            + "evaluation as a Chrome trace (open in chrome://tracing or summarise with bench/profile_summary.py).")
    java.nio.file.Path profile;

    @Override
    public Integer call() throws Exception {
        Sizes.checkSide("--size", size);
        if (engine.weights != null && StyleNetworks.familyOf(engine.weights) != null) {
            return ForwardBench.run(engine.weights, engine.settings, size, evaluations, json);
        }
        if (evaluations < 1 || evaluations > 10_000) {
            throw new UsageException("--evaluations must be between 1 and 10000, got " + evaluations);
        }
        if (profile != null) {
            OutputPaths.checkWritable(profile);
        }
        FeatureWeights weights = engine.start();
        if (weights.family().vgg() != null && size < 16) {
            throw new UsageException("--size must be at least 16 for the seed preset's deepest layer on "
                    + weights.family() + ", got " + size);
        }
        EvaluationBenchmark.Result r = EvaluationBenchmark.run(weights, size, evaluations, 0, profile);
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("kind", "evaluation");
            o.put("network", weights.family().id());
            o.put("size", size);
            o.put("threads", TensorEngine.threads());
            o.put("allocator", NativeAllocator.name());
            o.put("seconds_per_evaluation", r.medianSeconds());
            o.put("min_seconds", r.minSeconds());
            o.put("evaluations", evaluations);
            o.put("rss_mb_after_warm_up", r.rssAfterWarmUpMb());
            o.put("rss_mb_at_end", r.rssAtEndMb());
            System.out.println(o);
        } else {
            System.out.printf(Locale.ROOT, "%d×%d, %d threads, %s malloc: %.3f s per evaluation (median of %d; fastest "
                            + "%.3f s); resident memory %.0f MB after warm-up, %.0f MB at the end%n",
                    size, size, TensorEngine.threads(), NativeAllocator.name(), r.medianSeconds(), evaluations,
                    r.minSeconds(),
                    r.rssAfterWarmUpMb(), r.rssAtEndMb());
        }
        return 0;
    }
}
