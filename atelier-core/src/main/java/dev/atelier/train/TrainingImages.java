package dev.atelier.train;

import dev.atelier.image.ImageException;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageResizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The photos a style network trains on, in a fixed order: a folder's files (searched recursively, in name order)
 * or a list. Each is resized so its shorter side is the crop size (PIL bicubic, the reference's rounding), then
 * cut to a square. Files that cannot be decoded are skipped (and counted), never fatal.
 */
public final class TrainingImages {

    /** Pixels of a decoded photo above which it is refused rather than decoded (a decompression bomb). */
    private static final long MAX_PIXELS = 100_000_000L;

    private final List<Path> files;
    private final int size;
    private final Crop crop;
    private final long seed;
    // Written by the batch loader's thread, read by the run's.
    private final Set<Path> unreadable = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    private TrainingImages(List<Path> files, int size, Crop crop, long seed) {
        this.files = files;
        this.size = size;
        this.crop = crop;
        this.seed = seed;
    }

    /**
     * The images of {@code sources}: each a folder (every regular file under it, in name order) or a file. Files
     * whose header is not an image's are left out now; throws {@link ImageException} if none is left.
     */
    public static TrainingImages open(List<Path> sources, int size, Crop crop, long seed) {
        List<Path> candidates = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> walk = Files.walk(source)) {
                    walk.filter(Files::isRegularFile)
                            .sorted(Comparator.comparing(p -> source.relativize(p).toString()))
                            .forEach(candidates::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new ImageException("cannot list the training images in " + source + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(source)) {
                candidates.add(source);
            } else {
                throw new ImageException("training images: " + source + " does not exist");
            }
        }
        TrainingImages images = new TrainingImages(new ArrayList<>(), size, crop, seed);
        for (Path file : candidates) {
            try {
                ImageLoader.requirePixelsAtMost(file, MAX_PIXELS);
                images.files.add(file);
            } catch (ImageException e) {
                images.unreadable.add(file);
            }
        }
        if (images.files.isEmpty()) {
            String where = sources.size() == 1 ? sources.get(0).toString() : sources.size() + " sources";
            throw new ImageException(candidates.isEmpty() ? "no training images: " + where + " holds no files"
                    : "no training images: none of the " + candidates.size() + " files in " + where
                    + " is a JPEG, PNG, BMP or GIF image");
        }
        return images;
    }

    /** How many images there are (an epoch). */
    public int count() {
        return files.size();
    }

    /** The side of every crop. */
    public int size() {
        return size;
    }

    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Files skipped so far because they could not be read as images. */
    public Set<Path> unreadable() {
        synchronized (unreadable) {
            return Set.copyOf(unreadable);
        }
    }

    /**
     * The {@code batch} crops of step {@code step} (0-based), as one {@code B×3×N×N} array of RGB 0..255 floats:
     * images {@code step·B … step·B+B−1}, cycling over the list. An image that cannot be decoded now is skipped
     * (and counted) and the next one taken.
     */
    public float[] batch(long step, int batch) {
        int plane = size * size;
        float[] out = new float[batch * 3 * plane];
        long draw = step * batch;
        for (int i = 0; i < batch; i++) {
            BufferedImage square = null;
            for (int tries = 0; square == null; tries++) {
                if (tries > files.size()) {
                    throw new ImageException("no training image can be read any more (" + unreadable.size()
                            + " unreadable)");
                }
                Path file = files.get((int) Math.floorMod(draw + i + tries, (long) files.size()));
                if (unreadable.contains(file)) {
                    continue;
                }
                try {
                    square = crop(ImageLoader.read(file, MAX_PIXELS), draw + i);
                } catch (ImageException e) {
                    unreadable.add(file);
                }
            }
            int[] rgb = square.getRGB(0, 0, size, size, null, 0, size);
            int base = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                out[base + p] = (rgb[p] >> 16) & 0xFF;
                out[base + plane + p] = (rgb[p] >> 8) & 0xFF;
                out[base + 2 * plane + p] = rgb[p] & 0xFF;
            }
        }
        return out;
    }

    /** Shorter side to the crop size (the reference's rounding: half to even), then the square. */
    BufferedImage crop(BufferedImage image, long draw) {
        int w = image.getWidth();
        int h = image.getHeight();
        int nw;
        int nh;
        if (w <= h) {
            nw = size;
            nh = Math.max(size, (int) Math.rint((double) h * size / w));
        } else {
            nw = Math.max(size, (int) Math.rint((double) w * size / h));
            nh = size;
        }
        BufferedImage resized = ImageResizer.resize(image, nw, nh);
        int left;
        int top;
        if (crop == Crop.CENTER) {
            left = (nw - size) / 2;
            top = (nh - size) / 2;
        } else {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + draw);
            left = random.nextInt(nw - size + 1);
            top = random.nextInt(nh - size + 1);
        }
        return resized.getSubimage(left, top, size, size);
    }
}
