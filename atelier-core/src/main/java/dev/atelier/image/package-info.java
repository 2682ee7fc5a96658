/**
 * Everything between image files and the float pixel arrays the network uses.
 *
 * <ul>
 *   <li>{@link dev.atelier.image.ImageLoader} reads JPEG, PNG, BMP and GIF (first frame) as 8-bit RGB, recognising
 *       the format by content, with a header-only pixel cap against decompression bombs;
 *       {@link dev.atelier.image.RgbConverter} is how any decoded image becomes 8-bit RGB (alpha dropped).</li>
 *   <li>{@link dev.atelier.image.ImageResizer} resizes to an exact size or a longest side, bit-identical to PIL's
 *       bicubic {@code resize} that the reference uses; {@link dev.atelier.image.ImageSize} holds the size
 *       arithmetic.</li>
 *   <li>{@link dev.atelier.image.ImageSaver} writes PNG or JPEG (quality 95) atomically, format from the extension
 *       ({@link dev.atelier.image.OutputFormat}).</li>
 *   <li>{@link dev.atelier.image.CaffePreprocessing} converts RGB images to and from
 *       {@link dev.atelier.image.CaffeImage} (H x W x 3, BGR, minus the mean), bit-identical to the reference's
 *       numpy code; {@link dev.atelier.image.CaffeImageFiles} is the reference's {@code load_image} /
 *       {@code save_image}.</li>
 *   <li>{@link dev.atelier.image.NoiseInit} makes the reference's random images, bit-identical to numpy's
 *       {@code default_rng(seed).uniform}, using the ports in {@link dev.atelier.image.random}.</li>
 * </ul>
 * Every failure to read or write an image is an {@link dev.atelier.image.ImageException} with a one-line message.
 */
package dev.atelier.image;
