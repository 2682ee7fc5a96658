package dev.atelier.image;

import java.nio.file.Path;
import java.util.Locale;

/** The formats images are written in, chosen by the output file's extension. */
public enum OutputFormat {
    PNG("png"),
    JPEG("jpeg");

    /** The extensions recognised, for messages. */
    public static final String SUPPORTED_EXTENSIONS = ".png, .jpg, .jpeg";

    private final String imageIoName;

    OutputFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The ImageIO format name of its writer. */
    public String imageIoName() {
        return imageIoName;
    }

    /**
     * The format for a file name's extension (case-insensitive): .png is PNG, .jpg and .jpeg are JPEG.
     *
     * @throws ImageException naming the file and the supported extensions, for any other name
     */
    public static OutputFormat forPath(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        switch (extension) {
            case ".png":
                return PNG;
            case ".jpg":
            case ".jpeg":
                return JPEG;
            default:
                String what = dot < 0 || dot == name.length() - 1
                        ? "the file name has no extension"
                        : "unsupported output format '" + name.substring(dot) + "'";
                throw new ImageException(
                        "Cannot write image " + file + ": " + what + " (supported: " + SUPPORTED_EXTENSIONS + ")");
        }
    }
}
