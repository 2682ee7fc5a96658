package dev.atelier.cli;

import dev.atelier.transfer.Progress;
import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code --save-every} and {@code --animation}: images taken from the progress stream at outer iterations' ends. */
final class IntermediateOutputs implements Consumer<Progress> {

    private final Path output;
    private final Integer saveEvery;
    private final Path animation;

    IntermediateOutputs(Path output, Integer saveEvery, Path animation) {
        this.output = output;
        this.saveEvery = saveEvery;
        this.animation = animation;
    }

    @Override
    public void accept(Progress p) {
        if (saveEvery == null && animation == null) {
            return;
        }
        throw new UnsupportedOperationException("not wired yet");
    }

    void finish() {
    }
}
