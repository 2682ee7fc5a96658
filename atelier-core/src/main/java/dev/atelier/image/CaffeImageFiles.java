package dev.atelier.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The reference's {@code load_image} and {@code save_image}: image files to and from {@link CaffeImage}, by way
 * of {@link ImageLoader}, {@link ImageResizer}, {@link CaffePreprocessing} and {@link ImageSaver}.
 */
public final class CaffeImageFiles {

    private CaffeImageFiles() {}

    /**
     * The reference's {@code load_image(path, h, w)}: read as RGB, resize to exactly width x height if it is not
     * that size already (as PIL does, see {@link ImageResizer}), preprocess.
     */
    public static CaffeImage load(Path file, int height, int width) {
        return CaffePreprocessing.preprocess(ImageResizer.resize(ImageLoader.read(file), width, height));
    }

    /** Read as RGB, resize so that the longest side is {@code longestSide} (aspect ratio kept), preprocess. */
    public static CaffeImage loadLongestSide(Path file, int longestSide) {
        return CaffePreprocessing.preprocess(ImageResizer.resizeLongestSide(ImageLoader.read(file), longestSide));
    }

    /** The reference's {@code save_image}, rounding instead of truncating; atomic, format from the extension. */
    public static void save(Path file, CaffeImage image) {
        ImageSaver.save(CaffePreprocessing.deprocess(image), file);
    }

    /** {@link #save(Path, CaffeImage)} for double values in the CaffeImage layout. */
    public static void save(Path file, double[] data, int height, int width) {
        BufferedImage image = CaffePreprocessing.deprocess(data, height, width);
        ImageSaver.save(image, file);
    }
}
