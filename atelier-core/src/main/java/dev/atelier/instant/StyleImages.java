package dev.atelier.instant;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** RGB photos to and from the planar float layout (3×H×W, 0..255) the networks take. */
public final class StyleImages {

    private StyleImages() {}

    /** The photo's pixels as planar float RGB 0..255 (R plane, then G, then B). */
    public static float[] toPlanar(BufferedImage photo) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] rgb = pixels(photo);
        int n = w * h;
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            out[i] = (p >> 16) & 0xFF;
            out[n + i] = (p >> 8) & 0xFF;
            out[2 * n + i] = p & 0xFF;
        }
        return out;
    }

    /** Planar float RGB to an 8-bit image: clamped to 0..255, rounded half to even (as {@code torch.round}). */
    public static BufferedImage fromPlanar(float[] planar, int width, int height) {
        int n = width * height;
        if (planar.length < 3 * n) {
            throw new IllegalArgumentException("need " + 3 * n + " values for " + width + "x" + height + ", got "
                    + planar.length);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < n; i++) {
            dst[i] = (byte8(planar[i]) << 16) | (byte8(planar[n + i]) << 8) | byte8(planar[2 * n + i]);
        }
        return out;
    }

    private static int byte8(float v) {
        float c = v < 0 ? 0 : (v > 255 ? 255 : v);
        return (int) Math.rint(c);
    }

    private static int[] pixels(BufferedImage photo) {
        if (photo.getType() == BufferedImage.TYPE_INT_RGB
                && photo.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && photo.getRaster().getMinX() == 0 && buffer.getNumBanks() == 1
                && photo.getRaster().getSampleModelTranslateX() == 0 && buffer.getData().length == photo.getWidth() * photo.getHeight()) {
            return buffer.getData();
        }
        return photo.getRGB(0, 0, photo.getWidth(), photo.getHeight(), null, 0, photo.getWidth());
    }
}
