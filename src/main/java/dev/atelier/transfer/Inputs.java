package dev.atelier.transfer;

import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageResizer;
import java.awt.image.BufferedImage;

/** Brings decoded images to the sizes a run uses and preprocesses them for the network. */
public final class Inputs {

    private Inputs() {}

    /** The content at its own size ({@code longestSide <= 0}) or scaled so its longest side is {@code longestSide}. */
    public static CaffeImage content(BufferedImage content, int longestSide) {
        BufferedImage sized = longestSide > 0 ? ImageResizer.resizeLongestSide(content, longestSide) : content;
        return CaffePreprocessing.preprocess(sized);
    }

    /** An image (style, or an init file) resized to exactly the content's size, as the seed preset does. */
    public static CaffeImage atSizeOf(BufferedImage image, CaffeImage content) {
        return CaffePreprocessing.preprocess(ImageResizer.resize(image, content.width(), content.height()));
    }
}
