package dev.atelier.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.SharedFiles;
import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.color.ColorStatistics;
import dev.atelier.loss.Gram;
import dev.atelier.network.Pooling;
import dev.atelier.network.VggArchitecture;
import dev.atelier.network.VggNetwork;
import dev.atelier.weights.KerasH5Reader;
import dev.atelier.weights.VggWeights;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each artist option does what it promises (tiny random weights, small images). */
class ArtistOptionsTest {

    static VggWeights vgg16;
    static BufferedImage photo;
    static BufferedImage scream;
    static BufferedImage starry;

    @BeforeAll
    static void load() {
        vgg16 = KerasH5Reader.read(SharedFiles.tinyWeights());
        photo = ImageLoader.read(SharedFiles.smallImage("golden_gate-64x64.png"));
        scream = ImageLoader.read(SharedFiles.smallImage("the_scream-64x64.png"));
        starry = ImageLoader.read(SharedFiles.smallImage("starry_night-128x96.png"));
    }

    private static JobSpec spec(List<BufferedImage> styles, List<Double> blend, List<BufferedImage> masks,
                                JobSpec.InitChoice init, Recipe recipe, int size, List<Integer> scales) {
        return new JobSpec(photo, styles, blend, masks, null, size, scales, 2, init, JobSpec.ColorMode.NONE, recipe);
    }

    private static Recipe seed(Schedule schedule, double strength) {
        Recipe r = Recipe.of(Preset.SEED);
        return new Recipe(r.preset(), null, null, null, null, null, null, schedule, strength);
    }

    private static StylizeJob.Result run(JobSpec spec) {
        return new StylizeJob(vgg16).run(spec, p -> true, () -> false);
    }

    @Test
    void twoStylesBlendedOneToZeroEqualTheFirstStyleAlone() {
        Schedule short2 = new Schedule(2, 8, true, 10);
        StylizeJob.Result single = run(spec(List.of(scream), List.of(), List.of(), JobSpec.InitChoice.random(1),
                seed(short2, 100), 48, List.of()));
        StylizeJob.Result blended = run(spec(List.of(scream, starry), List.of(1.0, 0.0), List.of(),
                JobSpec.InitChoice.random(1), seed(short2, 100), 48, List.of()));
        assertThat(blended.loss().total()).isCloseTo(single.loss().total(), within(single.loss().total() * 1e-6));
    }

    @Test
    void aNetworkAlreadyOnTheDeviceGivesTheSameRunAsTheWeightsInEveryPassAndPooling() {
        Schedule short2 = new Schedule(2, 6, true, 10);
        for (Pooling pooling : Pooling.values()) {
            Recipe recipe = new Recipe(Preset.SEED, null, null, null, null, null, pooling, short2, 100);
            JobSpec twoPasses = spec(List.of(scream), List.of(), List.of(), JobSpec.InitChoice.random(3), recipe, 48,
                    List.of(32));
            StylizeJob.Result fromWeights = run(twoPasses);
            StylizeJob.Result onDevice;
            try (NDManager device = NDManager.newBaseManager()) {
                // Made with the other pooling: the job must switch it.
                Pooling other = pooling == Pooling.MAX ? Pooling.AVG : Pooling.MAX;
                onDevice = new StylizeJob(new VggNetwork(vgg16, device, other)).run(twoPasses, p -> true, () -> false);
            }
            assertThat(onDevice.loss().total()).as("%s pooling", pooling).isEqualTo(fromWeights.loss().total());
            assertThat(onDevice.evaluations()).isEqualTo(fromWeights.evaluations());
        }
    }

    @Test
    void blendedTargetIsTheWeightedSumOfGrams() {
        try (NDManager m = NDManager.newBaseManager()) {
            VggNetwork net = new VggNetwork(vgg16, m, Pooling.MAX);
            CaffeImage content = Inputs.content(photo, 32);
            CaffeImage a = Inputs.atSizeOf(scream, content);
            CaffeImage b = Inputs.atSizeOf(starry, content);
            LossSpec spec = LossSpec.seed(LossWeights.seed());
            double lossA = styleLossAt(net, m, spec, content, List.of(new StyleInput(a, 1, null)));
            double lossBlend = styleLossAt(net, m, spec, content,
                    List.of(new StyleInput(a, 3, null), new StyleInput(b, 1, null)));
            double lossB = styleLossAt(net, m, spec, content, List.of(new StyleInput(b, 1, null)));
            // At the content image, the blended target sits between the two: so does its loss, here strictly.
            assertThat(lossBlend).isNotCloseTo(lossA, within(lossA * 1e-3)).isNotCloseTo(lossB, within(lossB * 1e-3));
        }
    }

    private static double styleLossAt(VggNetwork net, NDManager m, LossSpec spec, CaffeImage content,
                                      List<StyleInput> styles) {
        StyleTransferObjective o = ObjectiveBuilder.build(net, m, spec, content, styles);
        return o.values(Tensors.fromHwc(m, content.toDoubles(), content.height(), content.width()).reshape(-1)).style();
    }

    @Test
    void strengthIsMonotonicAndZeroKeepsThePhoto() {
        Schedule s = new Schedule(3, 10, false, 10);
        JobSpec.InitChoice fromContent = new JobSpec.InitChoice(JobSpec.InitChoice.Kind.CONTENT, 0, 0, null);
        List<Double> styleLoss = new ArrayList<>();
        List<Double> distanceToPhoto = new ArrayList<>();
        CaffeImage target = Inputs.content(photo, 48);
        for (double strength : new double[] {0, 50, 100}) {
            StylizeJob.Result r = run(spec(List.of(scream), List.of(), List.of(), fromContent, seed(s, strength), 48,
                    List.of()));
            CaffeImage out = CaffePreprocessing.preprocess(r.image());
            styleLoss.add(fullStyleLoss(out));
            distanceToPhoto.add(meanAbsDifference(out, target));
        }
        assertThat(styleLoss.get(0)).isGreaterThan(styleLoss.get(1));
        assertThat(styleLoss.get(1)).isGreaterThan(styleLoss.get(2));
        assertThat(distanceToPhoto.get(0)).isLessThan(distanceToPhoto.get(1)).isLessThan(5.0);
        assertThat(distanceToPhoto.get(1)).isLessThan(distanceToPhoto.get(2));
        assertThatThrownBy(() -> Strength.factor(-1)).hasMessageContaining("strength");
        assertThat(Strength.factor(100)).isEqualTo(1.0);
    }

    private static double fullStyleLoss(CaffeImage image) {
        try (NDManager m = NDManager.newBaseManager()) {
            VggNetwork net = new VggNetwork(vgg16, m, Pooling.MAX);
            StyleTransferObjective o = ObjectiveBuilder.build(net, m, LossSpec.seed(LossWeights.seed()), image,
                    Inputs.atSizeOf(scream, image));
            return o.values(Tensors.fromHwc(m, image.toDoubles(), image.height(), image.width()).reshape(-1)).style();
        }
    }

    private static double meanAbsDifference(CaffeImage a, CaffeImage b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            sum += Math.abs(a.data()[i] - b.data()[i]);
        }
        return sum / a.data().length;
    }

    @Test
    void masksGiveEachRegionTheGramStatisticsOfItsOwnStyle() {
        BufferedImage left = halfMask(true);
        BufferedImage right = halfMask(false);
        StylizeJob.Result r = run(spec(List.of(scream, starry), List.of(), List.of(left, right),
                JobSpec.InitChoice.random(2), seed(new Schedule(1, 60, false, 10), 100), 64, List.of()));
        CaffeImage out = CaffePreprocessing.preprocess(r.image());
        try (NDManager m = NDManager.newBaseManager()) {
            VggNetwork net = new VggNetwork(vgg16, m, Pooling.MAX);
            String layer = "block1_conv2";
            NDArray f = net.features(Tensors.fromHwc(m, out.data(), 64, 64), Set.of(layer)).get(layer);
            NDArray leftFeatures = f.get(":, :, :, 4:28");
            NDArray rightFeatures = f.get(":, :, :, 36:60");
            NDArray gramScream = gramOf(net, m, Inputs.atSizeOf(scream, out), layer, 24.0 / 64);
            NDArray gramStarry = gramOf(net, m, Inputs.atSizeOf(starry, out), layer, 24.0 / 64);
            NDArray gLeft = Gram.of(leftFeatures);
            NDArray gRight = Gram.of(rightFeatures);
            assertThat(distance(gLeft, gramScream)).isLessThan(distance(gLeft, gramStarry));
            assertThat(distance(gRight, gramStarry)).isLessThan(distance(gRight, gramScream));
        }
    }

    private static NDArray gramOf(VggNetwork net, NDManager m, CaffeImage image, String layer, double share) {
        NDArray f = net.features(Tensors.fromHwc(m, image.data(), image.height(), image.width()), Set.of(layer))
                .get(layer);
        return Gram.of(f).mul((float) share);
    }

    private static double distance(NDArray a, NDArray b) {
        return a.sub(b).square().sum().getFloat();
    }

    private static BufferedImage halfMask(boolean leftWhite) {
        BufferedImage m = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                m.setRGB(x, y, (x < 32) == leftWhite ? 0xffffff : 0);
            }
        }
        return m;
    }

    @Test
    void coarseToFinePassesRenumberIterationsAndEndAtTheOutputSize() {
        List<Progress> ends = new ArrayList<>();
        JobSpec spec = spec(List.of(scream), List.of(), List.of(), JobSpec.InitChoice.random(0),
                seed(new Schedule(2, 5, true, 10), 100), 64, List.of(32, 48, 128));
        assertThat(StylizeJob.passes(spec)).containsExactly(32, 48, 64);
        StylizeJob.Result r = new StylizeJob(vgg16).run(spec, p -> {
            if (p.iterationEnd()) {
                ends.add(p);
            }
            return true;
        }, () -> false);
        assertThat(r.image().getWidth()).isEqualTo(64);
        assertThat(ends).extracting(Progress::iteration).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ends).extracting(Progress::iterations).containsOnly(6);
        assertThat(ends.get(5).evaluations()).isEqualTo(r.evaluations());
        // The estimate at the end of the 32 px pass weighs the passes to come by their pixels: 48² and 64² cost
        // 2.25 and 4 times as much per evaluation as 32².
        Progress firstPassEnd = ends.get(1);
        double pace = firstPassEnd.seconds() / firstPassEnd.evaluations();
        double left = Math.max(0, 10 - firstPassEnd.evaluations()) + 10 * 2.25 + 10 * 4.0;
        assertThat(firstPassEnd.remainingSeconds()).isCloseTo(pace * left, within(1e-9 * pace * left));
    }

    @Test
    void adamLowersTheLoss() {
        Schedule adam = new Schedule(2, 15, false, 10, Schedule.OptimizerKind.ADAM, 5);
        List<Double> losses = new ArrayList<>();
        new StylizeJob(vgg16).run(spec(List.of(scream), List.of(), List.of(), JobSpec.InitChoice.random(0),
                seed(adam, 100), 32, List.of()), p -> {
                    losses.add(p.loss().total());
                    return true;
                }, () -> false);
        assertThat(losses).hasSizeGreaterThanOrEqualTo(30);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.8);
    }

    @Test
    void initNoiseBlendsNoiseIntoTheContent() {
        CaffeImage content = Inputs.content(photo, 16);
        double[] pure = content.toDoubles();
        double[] noise = new Init.Noise(5).pixels(content);
        double[] blend = new Init.NoisyContent(5, 0.25).pixels(content);
        for (int i = 0; i < blend.length; i += 37) {
            assertThat(blend[i]).isCloseTo(0.75 * pure[i] + 0.25 * noise[i], within(1e-9));
        }
        assertThatThrownBy(() -> new Init.NoisyContent(5, 1.5)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void styleScaleKeepsTheStylesAspectRatio() {
        CaffeImage content = Inputs.content(photo, 64);
        CaffeImage scaled = Inputs.style(starry, content, 0.5);
        assertThat(scaled.width()).isEqualTo(32);
        assertThat(scaled.height()).isEqualTo(24);
        assertThat(Inputs.style(starry, content, null).width()).isEqualTo(64);
    }

    @Test
    void theSeedPresetThroughARecipeIsTheSeedLoss() {
        LossSpec viaRecipe = Recipe.of(Preset.SEED).lossSpec(VggArchitecture.VGG16);
        LossSpec seed = LossSpec.seed(LossWeights.seed());
        assertThat(viaRecipe.contentLayers()).isEqualTo(seed.contentLayers());
        assertThat(viaRecipe.styleLayers()).isEqualTo(seed.styleLayers());
        assertThat(viaRecipe.tvWeight()).isEqualTo(seed.tvWeight());
        assertThat(viaRecipe.tvExponent()).isEqualTo(seed.tvExponent());
    }

    @Test
    void vgg19PresetsRunOnAVgg19File() {
        VggWeights vgg19 = KerasH5Reader.read(SharedFiles.fixture("vgg19-tiny-div16.h5"));
        for (Preset preset : List.of(Preset.GATYS, Preset.JOHNSON)) {
            Recipe r = Recipe.of(preset);
            Recipe shortRun = new Recipe(preset, null, null, null, null, null, null,
                    new Schedule(1, 10, false, 10), 100);
            StylizeJob.Result out = new StylizeJob(vgg19).run(spec(List.of(scream), List.of(), List.of(),
                    JobSpec.InitChoice.random(0), shortRun, 32, List.of()), p -> true, () -> false);
            assertThat(out.loss().total()).as(preset.name()).isFinite().isPositive();
            assertThat(r.lossSpec(VggArchitecture.VGG19).styleLayers()).containsKeys("block1_conv1", "block5_conv1");
        }
    }

    @Test
    void sameSeedSameResult() {
        JobSpec spec = spec(List.of(scream), List.of(), List.of(), JobSpec.InitChoice.random(9),
                seed(new Schedule(2, 10, true, 10), 100), 32, List.of());
        double first = run(spec).loss().total();
        double second = run(spec).loss().total();
        assertThat(second).isCloseTo(first, within(Math.abs(first) * 1e-6));
    }

    @Test
    void layerSpecsAcceptCaffeNamesAndRejectUnknownLayers() {
        Map<String, Double> parsed = LayerWeights.parse("relu1_1:0.5, conv2_1 ,block3_conv3:2", VggArchitecture.VGG16);
        assertThat(parsed).containsExactly(Map.entry("block1_conv1", 0.5), Map.entry("block2_conv1", 1.0),
                Map.entry("block3_conv3", 2.0));
        assertThatThrownBy(() -> LayerWeights.parse("block3_conv4", VggArchitecture.VGG16))
                .hasMessageContaining("unknown layer 'block3_conv4'");
        assertThatThrownBy(() -> LayerWeights.parse("conv1_1:-2", VggArchitecture.VGG16)).hasMessageContaining(">= 0");
        assertThat(LayerWeights.parse("conv3_4", VggArchitecture.VGG19)).containsKey("block3_conv4");
    }

    @Test
    void preserveColorsKeepsThePhotosChroma() {
        JobSpec spec = new JobSpec(photo, List.of(starry), List.of(), List.of(), null, 48, List.of(), 1,
                JobSpec.InitChoice.random(0), new JobSpec.ColorMode(true, JobSpec.ColorMatch.NONE),
                seed(new Schedule(2, 8, true, 10), 100));
        BufferedImage out = run(spec).image();
        BufferedImage reference = dev.atelier.image.ImageResizer.resize(photo, out.getWidth(), out.getHeight());
        double uDiff = 0;
        double vDiff = 0;
        double yDiff = 0;
        int n = out.getWidth() * out.getHeight();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                double[] a = yuv(out.getRGB(x, y));
                double[] b = yuv(reference.getRGB(x, y));
                yDiff += Math.abs(a[0] - b[0]) / n;
                uDiff += Math.abs(a[1] - b[1]) / n;
                vDiff += Math.abs(a[2] - b[2]) / n;
            }
        }
        // Chroma stays (up to rounding and clipping) while the luminance was repainted.
        assertThat(uDiff).isLessThan(2.0);
        assertThat(vDiff).isLessThan(2.0);
        assertThat(yDiff).isGreaterThan(5 * Math.max(uDiff, vDiff));
    }

    private static double[] yuv(int rgb) {
        double r = (rgb >> 16) & 0xff;
        double g = (rgb >> 8) & 0xff;
        double b = rgb & 0xff;
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        return new double[] {y, 0.492 * (b - y), 0.877 * (r - y)};
    }

    @Test
    void matchColorsRecoloursTheStyleBeforePainting() {
        // Starting from the (recoloured) style with a tiny budget, the output keeps that start's colours.
        JobSpec.InitChoice fromStyle = new JobSpec.InitChoice(JobSpec.InitChoice.Kind.STYLE, 0, 0, null);
        Recipe brief = seed(new Schedule(1, 2, false, 10), 100);
        double[] photoMean = ColorStatistics.of(photo).mean();
        double[] starryMean = ColorStatistics.of(starry).mean();
        double[] matched = ColorStatistics.of(run(new JobSpec(photo, List.of(starry), List.of(), List.of(), null, 32,
                List.of(), 1, fromStyle, new JobSpec.ColorMode(false, JobSpec.ColorMatch.PCA), brief)).image()).mean();
        double[] plain = ColorStatistics.of(run(new JobSpec(photo, List.of(starry), List.of(), List.of(), null, 32,
                List.of(), 1, fromStyle, JobSpec.ColorMode.NONE, brief)).image()).mean();
        assertThat(distance(photoMean, starryMean)).isGreaterThan(20);
        assertThat(distance(matched, photoMean)).isLessThan(distance(photoMean, starryMean) / 4);
        assertThat(distance(plain, starryMean)).isLessThan(distance(photoMean, starryMean) / 4);
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
