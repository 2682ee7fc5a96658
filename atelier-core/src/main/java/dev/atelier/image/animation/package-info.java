/**
 * The progression of a run as files: {@link dev.atelier.image.animation.GifAnimationWriter} streams frames into an
 * animated GIF ({@code --animation}), quantised by {@link dev.atelier.image.animation.OrderedDitherQuantizer};
 * {@link dev.atelier.image.animation.FrameNaming} names the images of {@code --save-every}.
 */
package dev.atelier.image.animation;
