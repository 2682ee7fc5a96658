package dev.atelier.image.animation;

import dev.atelier.image.RgbConverter;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;

/**
 * Reduces 8-bit RGB images to 256 colours for GIF: a fixed palette of 6 red x 7 green x 6 blue evenly spaced
 * levels (252 colours; green, to which the eye is most sensitive, gets the extra level; the 4 spare entries are
 * black), with ordered dithering by an 8x8 Bayer matrix.
 *
 * <p>Why this and not a per-frame adaptive palette (median cut, octree): the frames of a run's progression share
 * one palette, so the GIF stores a single global colour table and colours do not flicker from frame to frame as
 * per-frame palettes make them; ordered dithering is deterministic and local, so a region that does not change
 * between frames is dithered identically (error diffusion makes its noise crawl); and a frame is converted in one
 * pass with table look-ups, with no histogram to hold, as frames stream through. The cost is visible dither
 * texture on smooth gradients; over each 8x8 tile the dither averages to the true colour (within half a level).
 */
public final class OrderedDitherQuantizer {

    static final int RED_LEVELS = 6;
    static final int GREEN_LEVELS = 7;
    static final int BLUE_LEVELS = 6;

    /** The 8x8 Bayer index matrix: thresholds (value + 0.5) / 64. */
    private static final int[] BAYER_8X8 = {
        0, 32, 8, 40, 2, 34, 10, 42,
        48, 16, 56, 24, 50, 18, 58, 26,
        12, 44, 4, 36, 14, 46, 6, 38,
        60, 28, 52, 20, 62, 30, 54, 22,
        3, 35, 11, 43, 1, 33, 9, 41,
        51, 19, 59, 27, 49, 17, 57, 25,
        15, 47, 7, 39, 13, 45, 5, 37,
        63, 31, 55, 23, 61, 29, 53, 21,
    };

    private static final IndexColorModel PALETTE = buildPalette();
    /** For each of the 64 thresholds and each value 0..255, the palette-index contribution of that channel. */
    private static final int[][] RED_INDEX = levelTable(RED_LEVELS, GREEN_LEVELS * BLUE_LEVELS);
    private static final int[][] GREEN_INDEX = levelTable(GREEN_LEVELS, BLUE_LEVELS);
    private static final int[][] BLUE_INDEX = levelTable(BLUE_LEVELS, 1);

    private OrderedDitherQuantizer() {}

    /** The palette every quantised image uses: 256 entries, index {@code (r * 7 + g) * 6 + b} for levels r, g, b. */
    public static IndexColorModel palette() {
        return PALETTE;
    }

    /** The image (any type; converted to 8-bit RGB first) as a {@code TYPE_BYTE_INDEXED} image on {@link #palette()}. */
    public static BufferedImage toIndexed(BufferedImage image) {
        BufferedImage rgb = RgbConverter.toRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        byte[] indices = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            rgb.getRaster().getDataElements(0, y, width, 1, row);
            int bayerRow = (y & 7) * 8;
            for (int x = 0; x < width; x++) {
                int t = BAYER_8X8[bayerRow + (x & 7)];
                int p = row[x];
                indices[y * width + x] = (byte) (RED_INDEX[t][(p >> 16) & 0xFF] + GREEN_INDEX[t][(p >> 8) & 0xFF]
                        + BLUE_INDEX[t][p & 0xFF]);
            }
        }
        return out;
    }

    /** The 8-bit value of level {@code k} of {@code levels} evenly spaced levels over 0..255 (halves rounded up). */
    static int levelValue(int k, int levels) {
        return (int) Math.round(k * 255.0 / (levels - 1));
    }

    /**
     * For a threshold t in 0..63 and a value v between palette levels {@code L(k) <= v < L(k+1)}: level k, or k + 1
     * if {@code (v − L(k)) / (L(k+1) − L(k)) > (t + 0.5) / 64}; times {@code stride}. Values on a level stay on it,
     * and over the 64 thresholds the mean of the levels' values is v within 1/128 of a step.
     */
    private static int[][] levelTable(int levels, int stride) {
        int[][] table = new int[64][256];
        for (int t = 0; t < 64; t++) {
            double threshold = (t + 0.5) / 64;
            int level = 0;
            for (int v = 0; v < 256; v++) {
                while (level < levels - 1 && levelValue(level + 1, levels) <= v) {
                    level++;
                }
                int chosen = level;
                if (level < levels - 1) {
                    int low = levelValue(level, levels);
                    double fraction = (double) (v - low) / (levelValue(level + 1, levels) - low);
                    if (fraction > threshold) {
                        chosen++;
                    }
                }
                table[t][v] = chosen * stride;
            }
        }
        return table;
    }

    private static IndexColorModel buildPalette() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int ri = 0; ri < RED_LEVELS; ri++) {
            for (int gi = 0; gi < GREEN_LEVELS; gi++) {
                for (int bi = 0; bi < BLUE_LEVELS; bi++) {
                    int index = (ri * GREEN_LEVELS + gi) * BLUE_LEVELS + bi;
                    r[index] = (byte) levelValue(ri, RED_LEVELS);
                    g[index] = (byte) levelValue(gi, GREEN_LEVELS);
                    b[index] = (byte) levelValue(bi, BLUE_LEVELS);
                }
            }
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
