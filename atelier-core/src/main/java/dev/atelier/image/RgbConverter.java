package dev.atelier.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns any decoded image into 8-bit RGB ({@link BufferedImage#TYPE_INT_RGB}), the one pixel layout the rest of
 * the image package works with. It does what PIL's {@code Image.convert("RGB")} does, which the reference uses:
 * <ul>
 *   <li>alpha is <b>dropped</b>, not composited: a transparent pixel keeps the colour stored under it;</li>
 *   <li>greyscale is copied to R, G and B as stored, with no gamma or colour-space conversion (Java's own
 *       conversion of {@code CS_GRAY} would treat the grey as linear and brighten it);</li>
 *   <li>palette images take their palette colours;</li>
 *   <li>16-bit samples keep their high byte (as PIL's 16-bit PNG decoding does); 1, 2 and 4-bit samples are
 *       stretched to 0..255.</li>
 * </ul>
 * Anything else (CMYK, other colour spaces, premultiplied alpha) goes through Java's colour management.
 */
public final class RgbConverter {

    private RgbConverter() {}

    /** The image as {@code TYPE_INT_RGB}; an image that already is one is returned as it is. */
    public static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        int width = src.getWidth();
        int height = src.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();

        ColorModel cm = src.getColorModel();
        ColorSpace cs = cm.getColorSpace();
        boolean plainComponents = (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                && !cm.isAlphaPremultiplied();
        if (cm instanceof IndexColorModel icm) {
            copyPalette(src.getRaster(), icm, rgb);
        } else if (plainComponents && cs.isCS_sRGB() && cm.getNumColorComponents() == 3) {
            copyRgbSamples(src.getRaster(), cm, rgb);
        } else if (plainComponents && cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            copyGreySamples(src.getRaster(), cm, rgb);
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                src.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    rgb[y * width + x] = row[x] & 0xFFFFFF;
                }
            }
        }
        return out;
    }

    private static void copyPalette(Raster raster, IndexColorModel icm, int[] rgb) {
        int width = raster.getWidth();
        int[] indices = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, indices);
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = icm.getRGB(indices[x]) & 0xFFFFFF;
            }
        }
    }

    private static void copyRgbSamples(Raster raster, ColorModel cm, int[] rgb) {
        int width = raster.getWidth();
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        int rBits = cm.getComponentSize(0);
        int gBits = cm.getComponentSize(1);
        int bBits = cm.getComponentSize(2);
        for (int y = 0; y < raster.getHeight(); y++) {
            int ry = raster.getMinY() + y;
            raster.getSamples(raster.getMinX(), ry, width, 1, 0, r);
            raster.getSamples(raster.getMinX(), ry, width, 1, 1, g);
            raster.getSamples(raster.getMinX(), ry, width, 1, 2, b);
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = to8Bits(r[x], rBits) << 16 | to8Bits(g[x], gBits) << 8 | to8Bits(b[x], bBits);
            }
        }
    }

    private static void copyGreySamples(Raster raster, ColorModel cm, int[] rgb) {
        int width = raster.getWidth();
        int[] grey = new int[width];
        int bits = cm.getComponentSize(0);
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, grey);
            for (int x = 0; x < width; x++) {
                int v = to8Bits(grey[x], bits);
                rgb[y * width + x] = v << 16 | v << 8 | v;
            }
        }
    }

    /** A sample of the given bit depth as 0..255: the high byte of deeper samples, stretched shallower ones. */
    static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample & 0xFF;
        }
        if (bits > 8) {
            return (sample >>> (bits - 8)) & 0xFF;
        }
        return sample * 255 / ((1 << bits) - 1);
    }
}
