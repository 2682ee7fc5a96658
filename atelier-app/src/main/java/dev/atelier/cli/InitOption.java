package dev.atelier.cli;

import dev.atelier.image.CaffeImage;
import dev.atelier.image.ImageLoader;
import dev.atelier.transfer.Init;
import dev.atelier.transfer.Inputs;
import java.nio.file.Path;

/** Parses {@code --init random|content|style|FILE}. */
final class InitOption {

    private InitOption() {}

    static Init parse(String value, long seed, CaffeImage content, java.awt.image.BufferedImage style) {
        return switch (value) {
            case "random" -> new Init.Noise(seed);
            case "content" -> new Init.Content();
            case "style" -> new Init.Image(Inputs.atSizeOf(style, content));
            default -> new Init.Image(Inputs.atSizeOf(ImageLoader.read(Path.of(value)), content));
        };
    }
}
