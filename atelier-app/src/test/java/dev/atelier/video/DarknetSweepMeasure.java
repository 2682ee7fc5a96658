package dev.atelier.video;

import ai.djl.ndarray.NDManager;
import dev.atelier.SharedFiles;
import dev.atelier.image.ImageLoader;
import dev.atelier.network.FeatureNetwork;
import dev.atelier.network.FeatureNetworks;
import dev.atelier.network.TensorEngine;
import dev.atelier.transfer.JobSpec;
import dev.atelier.transfer.Preset;
import dev.atelier.transfer.Recipe;
import dev.atelier.transfer.Schedule;
import dev.atelier.weights.FeatureWeightsFiles;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire skips the name): the temporal-weight sweep of the optimisation path on Darknet Tiny behind
 * the README's figures. {@code mvn -q test -pl atelier-core,atelier-video,atelier-app -Dtest=DarknetSweepMeasure
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcontent=true -Dweights=0,1e6,1e7 -Devals=30}
 * (also -Dw, -Dh, -Dstep, -Dframes, -Dcontent=true for a content start, -Dblends=0.7,0.9 to blend the first weight's
 * frames as the instant path does); the first weight is the baseline.
 */
class DarknetSweepMeasure {
    @Test
    void sweep() {
        int w = Integer.getInteger("w", 96), h = Integer.getInteger("h", 64), step = Integer.getInteger("step", 2);
        int frames = Integer.getInteger("frames", 8), evals = Integer.getInteger("evals", 30);
        String[] weights = System.getProperty("weights", "0,10,100,1000").split(",");
        BufferedImage photo = TestClips.photo(w + step * frames, h);
        BufferedImage style = ImageLoader.read(SharedFiles.smallImage("starry_night-128x96.png"));
        Recipe recipe = new Recipe(Preset.DARKNET, null, null, null, null, null, null,
                new Schedule(1, evals, true, 10), 100);
        JobSpec.InitChoice start = Boolean.getBoolean("content") ? new JobSpec.InitChoice(JobSpec.InitChoice.Kind.CONTENT, 0, 0, null) : JobSpec.InitChoice.random(0);
        TensorEngine.start();
        try (NDManager manager = TensorEngine.newManager()) {
            FeatureNetwork net = FeatureNetworks.upload(FeatureWeightsFiles.read(SharedFiles.darknet()), manager);
            List<BufferedImage> plain = null;
            for (String ws : weights) {
                double tw = Double.parseDouble(ws);
                long t0 = System.nanoTime();
                List<BufferedImage> out = new ArrayList<>();
                try (OptimisingPainter p = new OptimisingPainter(net, style, recipe, start, tw, "w" + ws)) {
                    for (int i = 0; i < frames; i++) {
                        BufferedImage f = TestClips.panFrame(photo, w, h, step, i);
                        BufferedImage o = p.paint(f);
                        out.add(o);
                    }
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                double e = TemporalStabilityTest.flicker(out, w, h, step);
                if (plain == null) {
                    plain = out;
                    for (String ss : System.getProperty("blends", "").split(",")) {
                        if (ss.isEmpty()) {
                            continue;
                        }
                        List<BufferedImage> b = new ArrayList<>();
                        try (TemporalStabilizer st = new TemporalStabilizer(Double.parseDouble(ss), new OpticalFlow())) {
                            for (int i = 0; i < frames; i++) {
                                b.add(st.next(TestClips.panFrame(photo, w, h, step, i), plain.get(i)));
                            }
                        }
                        double bw = 0;
                        for (int i = 0; i < frames; i++) {
                            bw = Math.max(bw, WarpingError.meanAbsoluteDifference(plain.get(i), b.get(i)));
                        }
                        System.out.printf("SWEEP blend %s: E %.2f worstMAD %.2f%n", ss, TemporalStabilityTest.flicker(b, w, h, step), bw);
                    }
                }
                double worst = 0, mean = 0;
                StringBuilder each = new StringBuilder();
                for (int i = 0; i < frames; i++) {
                    double d = WarpingError.meanAbsoluteDifference(plain.get(i), out.get(i));
                    each.append(String.format(" %.1f", d));
                    worst = Math.max(worst, d);
                    mean += d / frames;
                }
                System.out.printf("SWEEP weight %s: E %.2f worstMAD %.2f meanMAD %.2f (%.1f s) per frame%s%n", ws, e, worst, mean, sec, each);
            }
        }
    }
}
