package dev.atelier.image.animation;

import java.nio.file.Path;
import java.util.Locale;

/**
 * File names of the images {@code --save-every} writes: {@code out.png} at iteration 50 is {@code out_0050.png},
 * in the same directory, the iteration zero-padded to 4 digits (more when it has more).
 */
public final class FrameNaming {

    private FrameNaming() {}

    /**
     * The output path with {@code _NNNN} inserted before its extension (the part from the last dot of the file
     * name; a name without one, or whose only dot is its first character, gets the suffix at the end):
     * {@code dir/out.png} → {@code dir/out_0050.png}, {@code my.photo.jpg} → {@code my.photo_0050.jpg},
     * iteration 12345 → {@code out_12345.png}.
     *
     * @throws IllegalArgumentException if the iteration is negative or the path has no file name
     */
    public static Path pathFor(Path output, int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must not be negative, got " + iteration);
        }
        Path fileName = output.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("not a file path: " + output);
        }
        String name = fileName.toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return output.resolveSibling(stem + String.format(Locale.ROOT, "_%04d", iteration) + extension);
    }
}
