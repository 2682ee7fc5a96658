/**
 * Colour controls of style transfer (Gatys, Bethge, Hertzmann, Shechtman 2016, "Preserving Color in Neural Artistic
 * Style Transfer"), as pure functions on images.
 *
 * <ul>
 *   <li>{@link dev.atelier.image.color.ColorPreservation}: luminance-only transfer ({@code --preserve-colors}):
 *       the luma images the network paints, the style's luma matched to the content's mean and spread, and the
 *       output's recombination with the content's chroma; {@link dev.atelier.image.color.Luminance} is BT.601
 *       luma.</li>
 *   <li>{@link dev.atelier.image.color.ColorMatching}: the style recoloured to the content's colour mean and
 *       covariance ({@code --match-colors chol|pca|sym}) by a {@link dev.atelier.image.color.ColorTransform},
 *       from the {@link dev.atelier.image.color.ColorStatistics} of both images.</li>
 *   <li>{@link dev.atelier.image.color.FloatRgbImage}: unclamped float RGB pixels on the 0..255 scale.</li>
 * </ul>
 */
package dev.atelier.image.color;
