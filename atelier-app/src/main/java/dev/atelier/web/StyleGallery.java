package dev.atelier.web;

import dev.atelier.image.ImageException;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageResizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The images in the styles folder (not its subfolders), recognised by content. A style is chosen by its name in
 * this listing; a name is looked up, never joined to a path, so nothing a client sends reaches the file system.
 */
final class StyleGallery {

    /** One style of the gallery. */
    record Style(String name, Path file, int width, int height, FileTime modified) {}

    static final int THUMBNAIL_SIDE = 240;

    private final Path directory;
    private final long maxPixels;
    private final Map<Path, Thumbnail> thumbnails = new ConcurrentHashMap<>();

    private record Thumbnail(FileTime modified, byte[] png) {}

    StyleGallery(Path directory, long maxPixels) {
        this.directory = directory;
        this.maxPixels = maxPixels;
    }

    /** The styles now in the folder, by name; unreadable and oversized files are left out. */
    List<Style> list() {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<Style> styles = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    var info = ImageLoader.requirePixelsAtMost(file, maxPixels);
                    styles.add(new Style(name, file, info.width(), info.height(), Files.getLastModifiedTime(file)));
                } catch (ImageException | IOException e) {
                    // Not an image we can use: the gallery shows only what can be painted with.
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        styles.sort(Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT)));
        return styles;
    }

    Optional<Style> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The style decoded, no larger than {@code longestSide}. */
    BufferedImage read(Style style, int longestSide) {
        BufferedImage image = ImageLoader.read(style.file(), maxPixels);
        return Math.max(image.getWidth(), image.getHeight()) > longestSide
                ? ImageResizer.resizeLongestSide(image, longestSide) : image;
    }

    /** A small PNG of the style, made once per version of its file. */
    byte[] thumbnail(Style style) {
        Thumbnail cached = thumbnails.get(style.file());
        if (cached != null && cached.modified().equals(style.modified())) {
            return cached.png();
        }
        byte[] png = PngBytes.of(read(style, THUMBNAIL_SIDE));
        thumbnails.put(style.file(), new Thumbnail(style.modified(), png));
        return png;
    }
}
