package dev.atelier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.instant.ForwardBenchmark;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import dev.atelier.network.NativeAllocator;
import dev.atelier.network.TensorEngine;
import java.nio.file.Path;
import java.util.Locale;

/** {@code bench --weights NETWORK} for a style network: one forward pass, {@code "kind":"forward"}. */
final class ForwardBench {

    private ForwardBench() {}

    static int run(Path network, EngineSettings engine, int size, int passes, boolean json) {
        engine.check();
        if (passes < 1 || passes > 10_000) {
            throw new UsageException("--evaluations must be between 1 and 10000, got " + passes);
        }
        engine.configure();
        ForwardBenchmark.Result r;
        try (StyleNetwork net = StyleNetworks.open(network)) {
            r = ForwardBenchmark.run(net, size, passes);
        }
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("size", size);
            o.put("threads", TensorEngine.threads());
            o.put("kind", "forward");
            o.put("network", network.getFileName().toString());
            o.put("allocator", NativeAllocator.name());
            o.put("seconds_per_forward", r.medianSeconds());
            o.put("min_seconds", r.minSeconds());
            o.put("forwards", passes);
            o.put("rss_mb_after_warm_up", r.rssAfterWarmUpMb());
            o.put("rss_mb_at_end", r.rssAtEndMb());
            o.put("peak_rss_mb", r.peakRssMb());
            System.out.println(o);
        } else {
            System.out.printf(Locale.ROOT, "%d×%d, %d threads, %s malloc: %.3f s per forward pass of %s (median of %d; "
                            + "fastest %.3f s); resident memory %.0f MB after warm-up, %.0f MB at the end, peak %.0f MB%n",
                    size, size, TensorEngine.threads(), NativeAllocator.name(), r.medianSeconds(),
                    network.getFileName(), passes, r.minSeconds(), r.rssAfterWarmUpMb(), r.rssAtEndMb(), r.peakRssMb());
        }
        return 0;
    }
}
