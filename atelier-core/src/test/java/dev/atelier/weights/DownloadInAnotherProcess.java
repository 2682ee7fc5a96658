package dev.atelier.weights;

import dev.atelier.network.VggArchitecture;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Run by {@link WeightsDownloadTest} in a second JVM: downloads one model into a cache and says so. */
public final class DownloadInAnotherProcess {

    private DownloadInAnotherProcess() {}

    /** Arguments: cache directory, mirror, canonical URL, MD5, size. */
    public static void main(String[] args) {
        KnownModel model = new KnownModel("tiny", VggArchitecture.VGG16, WeightsFormat.KERAS_HDF5, URI.create(args[2]),
                List.of(), Long.parseLong(args[4]), Checksum.md5(args[3]));
        new WeightsStore(Path.of(args[0]), WeightsMirror.of(args[1]), DownloadSettings.defaults())
                .load(model, DownloadListener.NONE);
        System.out.println("downloaded");
    }
}
