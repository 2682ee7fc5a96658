package dev.atelier.batch;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each picture's result goes: a pattern under the output root. {@code {path}} is the input's path relative
 * to its root (with its extension), {@code {dir}} its folder ({@code ""} at the root), {@code {name}} its file
 * name, {@code {stem}} the name without extension, {@code {style}} the style's name. The default,
 * {@value #DEFAULT}, writes {@code styled/trip/beach.jpg.wave.png} for {@code photos/trip/beach.jpg}.
 */
public final class OutputNames {

    public static final String DEFAULT = "{path}.{style}.png";
    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}");

    private final String pattern;
    private final String style;

    public OutputNames(String pattern, String style) {
        this.pattern = pattern == null ? DEFAULT : pattern;
        this.style = style;
        Matcher m = TOKEN.matcher(this.pattern);
        while (m.find()) {
            if (!java.util.List.of("path", "dir", "name", "stem", "style").contains(m.group(1))) {
                throw new BatchException("--name: unknown field {" + m.group(1)
                        + "} (known: {path}, {dir}, {name}, {stem}, {style})");
            }
        }
        String lower = this.pattern.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".png") && !lower.endsWith(".jpg") && !lower.endsWith(".jpeg")) {
            throw new BatchException("--name must end in .png, .jpg or .jpeg, got " + this.pattern);
        }
    }

    /** The style's name, as it appears in outputs. */
    public String style() {
        return style;
    }

    /** The output path for {@code relative} (slash-separated), relative to the output root. */
    public String relativeOutput(String relative) {
        int slash = relative.lastIndexOf('/');
        String dir = slash < 0 ? "" : relative.substring(0, slash);
        String name = relative.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "path" -> relative;
                case "dir" -> dir;
                case "name" -> name;
                case "stem" -> stem;
                default -> style;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String result = out.toString().replaceAll("/{2,}", "/").replaceFirst("^/", "");
        Path normal = Path.of(result).normalize();
        if (result.isEmpty() || normal.startsWith("..") || normal.isAbsolute()) {
            throw new BatchException("--name " + pattern + " puts " + relative + " outside the output folder");
        }
        return BatchInputs.slashes(normal);
    }

    /** The output file for {@code relative} under {@code root}. */
    public Path resolve(Path root, String relative) {
        return root.resolve(relativeOutput(relative));
    }
}
