package dev.atelier.weights;

import java.nio.file.Path;

/** Run by {@link FolderModelsTest} in a second JVM: resolves one model of the standard catalogue into a cache. */
public final class ResolveInAnotherProcess {

    private ResolveInAnotherProcess() {}

    /** Arguments: cache directory, mirror, model name. */
    public static void main(String[] args) {
        Path folder = new WeightsStore(Path.of(args[0]), WeightsMirror.of(args[1]), DownloadSettings.defaults())
                .resolve(args[2], DownloadListener.NONE);
        System.out.println("resolved " + folder);
    }
}
