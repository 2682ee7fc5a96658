package dev.atelier.transfer;

import dev.atelier.image.CaffeImage;

/**
 * One style image of a run.
 *
 * @param image       the style, preprocessed, at any size
 * @param blendWeight its share of the blended style target (weights are normalised to sum 1)
 * @param mask        where in the output this style applies: H×W values in 0..1 at the output's size, row-major;
 *                    {@code null} for everywhere
 */
public record StyleInput(CaffeImage image, double blendWeight, float[] mask) {

    public static StyleInput of(CaffeImage image) {
        return new StyleInput(image, 1.0, null);
    }
}
