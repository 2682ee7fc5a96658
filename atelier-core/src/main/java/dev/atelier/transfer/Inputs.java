package dev.atelier.transfer;

import dev.atelier.image.CaffeImage;
import dev.atelier.image.CaffePreprocessing;
import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSize;
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

    /**
     * A style image: at the content's exact size when {@code styleScale} is null (the seed preset), else with
     * its own aspect ratio and a longest side of {@code styleScale ×} the output's longest side.
     */
    public static CaffeImage style(BufferedImage style, CaffeImage content, Double styleScale) {
        if (styleScale == null) {
            return atSizeOf(style, content);
        }
        int longest = (int) Math.max(1, Math.round(styleScale * Math.max(content.width(), content.height())));
        ImageSize size = new ImageSize(style.getWidth(), style.getHeight()).withLongestSide(longest);
        return CaffePreprocessing.preprocess(ImageResizer.resize(style, size));
    }

    /**
     * A region mask at the content's size: the image's brightness, 0..1 (white: the style applies), with edges
     * softened by a blur of about 1% of the image's size so that regions blend rather than seam.
     */
    public static float[] mask(BufferedImage mask, CaffeImage content) {
        int w = content.width();
        int h = content.height();
        BufferedImage sized = ImageResizer.resize(mask, w, h);
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = sized.getRGB(x, y);
                m[y * w + x] = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / (3f * 255f);
            }
        }
        int radius = Math.max(1, Math.max(w, h) / 100);
        return BoxBlur.twice(m, w, h, radius);
    }
}
