package dev.atelier.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Numbered-frame names such as {@code frames/%05d.png}: one printf-style integer field in the file name. */
public final class FramePattern {

    private static final Pattern FIELD = Pattern.compile("%(0?)(\\d*)d");

    private FramePattern() {
    }

    /** Whether {@code path}'s file name holds exactly one {@code %d} field (e.g. {@code %05d}). */
    public static boolean isPattern(String path) {
        String name = Path.of(path).getFileName() == null ? "" : Path.of(path).getFileName().toString();
        Matcher m = FIELD.matcher(name);
        int fields = 0;
        while (m.find()) {
            fields++;
        }
        return fields == 1 && name.replaceFirst(FIELD.pattern(), "").indexOf('%') < 0;
    }

    /** The file for frame {@code number} (e.g. {@code frames/00007.png}). */
    public static Path file(String pattern, long number) {
        return Path.of(String.format(java.util.Locale.ROOT, pattern, number));
    }

    /** The directory the frames are in. */
    public static Path directory(String pattern) {
        Path parent = Path.of(pattern).toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** The lowest-numbered existing frame, or null if none matches. */
    public static Path firstFile(String pattern) {
        int n = firstNumber(pattern);
        return n < 0 ? null : file(pattern, n);
    }

    /** The lowest number of an existing frame, or -1. */
    public static int firstNumber(String pattern) {
        String name = Path.of(pattern).getFileName().toString();
        Matcher m = FIELD.matcher(name);
        if (!m.find()) {
            return -1;
        }
        Pattern files = Pattern.compile(Pattern.quote(name.substring(0, m.start())) + "(\\d+)"
                + Pattern.quote(name.substring(m.end())));
        Path dir = directory(pattern);
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> files.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(x -> parse(x.group(1)))
                    .filter(x -> x >= 0)
                    .min().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
