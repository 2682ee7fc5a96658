package dev.atelier.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * EXIF orientation (TIFF tag 274), as phones write it instead of rotating the pixels: read from a JPEG's APP1 "Exif"
 * segment with TwelveMonkeys' metadata readers, and applied to the decoded picture so it is upright (as PIL's
 * {@code ImageOps.exif_transpose} does). Anything unreadable counts as 1 (as stored): orientation never makes a
 * readable picture unreadable.
 */
public final class ExifOrientation {

    /** As stored. */
    public static final int NORMAL = 1;

    private ExifOrientation() {}

    /** The orientation in a JPEG's EXIF, 1..8; the stream is read from its current position and put back there. */
    static int read(ImageInputStream iis) {
        try {
            iis.mark();
            try {
                List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(iis, JPEG.APP1, "Exif");
                if (exif.isEmpty()) {
                    return NORMAL;
                }
                try (InputStream data = exif.get(0).data()) {
                    data.read(); // the identifier's second NUL, left by readSegments before the TIFF header
                    Directory ifd0 = new TIFFReader().read(ImageIO.createImageInputStream(data));
                    Entry e = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
                    if (e != null && e.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                        return n.intValue();
                    }
                }
                return NORMAL;
            } finally {
                iis.reset();
            }
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    /** Whether the upright picture has width and height swapped (orientations 5 to 8: a quarter turn). */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The picture turned and mirrored so that it is upright. */
    public static BufferedImage upright(BufferedImage in, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return in;
        }
        int w = in.getWidth();
        int h = in.getHeight();
        boolean swap = swapsSides(orientation);
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] src = in.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                dst[y * ow + x] = src[sy * w + sx];
            }
        }
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, ow, oh, dst, 0, ow);
        return out;
    }
}
