package dev.atelier.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The pictures of a batch, from one input: a folder (every file under it, recursively; hidden files and folders
 * left out), a glob ({@code photos/**}{@code /*.jpg}, relative to the folder before its first wildcard), a list
 * file ({@code .txt}, {@code .lst}, {@code .list}: one path per line, relative to the list's folder; {@code #}
 * starts a comment) or one picture. Every file is tried; one that is not a picture fails on its own.
 */
public final class BatchInputs {

    private BatchInputs() {}

    /** The inputs, ordered by relative path. */
    public static List<BatchInput> resolve(String input) {
        Path path = Path.of(input);
        List<BatchInput> found;
        if (Files.isDirectory(path)) {
            found = folder(path, null);
        } else if (Files.isRegularFile(path)) {
            found = isListFile(path) ? listFile(path) : List.of(new BatchInput(path, path.getFileName().toString()));
        } else if (isGlob(input)) {
            found = glob(input);
        } else {
            throw new BatchException("input " + input + " does not exist");
        }
        List<BatchInput> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(BatchInput::relative));
        return sorted;
    }

    /** The folder whose tree the outputs mirror ({@code null} for a single file), to refuse an output inside it. */
    public static Path root(String input) {
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            return path;
        }
        if (Files.isRegularFile(path)) {
            return isListFile(path) ? parent(path) : null;
        }
        return isGlob(input) ? globBase(input) : null;
    }

    static boolean isGlob(String input) {
        return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static boolean isListFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".lst") || name.endsWith(".list");
    }

    private static List<BatchInput> folder(Path root, PathMatcher matcher) {
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(p -> matcher == null || matcher.matches(root.relativize(p)))
                    .map(p -> new BatchInput(p, slashes(root.relativize(p))))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BatchException("cannot list input folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<BatchInput> glob(String input) {
        Path base = globBase(input);
        if (!Files.isDirectory(base)) {
            throw new BatchException("input " + input + ": folder " + base + " does not exist");
        }
        List<String> rest = new ArrayList<>();
        boolean inPattern = false;
        for (Path part : Path.of(input)) {
            inPattern |= isGlob(part.toString());
            if (inPattern) {
                rest.add(part.toString());
            }
        }
        return folder(base, FileSystems.getDefault().getPathMatcher("glob:" + String.join("/", rest)));
    }

    /** The folder before the glob's first wildcard ({@code .} if it starts with one). */
    private static Path globBase(String input) {
        Path whole = Path.of(input);
        Path base = whole.getRoot();
        for (Path part : whole) {
            if (isGlob(part.toString())) {
                break;
            }
            base = base == null ? part : base.resolve(part);
        }
        return base == null ? Path.of(".") : base;
    }

    private static List<BatchInput> listFile(Path list) {
        Path dir = parent(list);
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BatchException("cannot read list file " + list + ": " + e.getMessage(), e);
        }
        List<BatchInput> out = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Path written = Path.of(entry);
            Path file = dir.resolve(written).normalize();
            Path relative = written.isAbsolute() || written.normalize().startsWith("..")
                    ? written.getFileName() : written.normalize();
            out.add(new BatchInput(file, slashes(relative)));
        }
        return out;
    }

    private static Path parent(Path file) {
        Path p = file.toAbsolutePath().getParent();
        return p == null ? Path.of(".") : p;
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
