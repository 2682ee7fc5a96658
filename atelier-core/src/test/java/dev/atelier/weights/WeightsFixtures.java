package dev.atelier.weights;

import java.nio.file.Path;

/** The files made by src/test/resources/weights/make_format_fixtures.py. */
final class WeightsFixtures {

    static final Path DIR = Path.of("src", "test", "resources", "weights");
    static final Path KERAS_H5 = DIR.resolve("vgg16-div16.h5");
    static final Path LEGACY_PTH = DIR.resolve("vgg16-div16-legacy.pth");
    /** As torchvision's 2017 files pickle it: OrderedDict from [key, value] lists, _rebuild_tensor (v1). */
    static final Path LEGACY_2017_STYLE_PTH = DIR.resolve("vgg16-div16-legacy-2017-style.pth");
    static final Path ZIP_PTH = DIR.resolve("vgg16-div16-zip.pth");
    static final Path SAFETENSORS_TORCHVISION = DIR.resolve("vgg16-div16-torchvision-names.safetensors");
    static final Path SAFETENSORS_KERAS = DIR.resolve("vgg16-div16-keras-names.safetensors");
    static final Path VGG19_LEGACY_PTH = DIR.resolve("vgg19-div16-legacy.pth");
    static final Path HOSTILE_LEGACY = DIR.resolve("hostile-os-system-legacy.pth");
    static final Path HOSTILE_ZIP = DIR.resolve("hostile-os-system-zip.pth");
    /** What the hostile pickles would create if anything ran them. */
    static final Path HOSTILE_SENTINEL = Path.of("/tmp/atelier-hostile-pickle-was-executed");

    private WeightsFixtures() {}
}
