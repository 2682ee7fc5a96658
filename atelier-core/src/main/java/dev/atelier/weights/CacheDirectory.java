package dev.atelier.weights;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where downloaded weights are kept: the system property {@code atelier.home}, else {@code $ATELIER_HOME}, else
 * {@code $XDG_CACHE_HOME/atelier}, else {@code ~/.cache/atelier}. (The property comes first so that a process, a
 * test for one, can point it elsewhere without changing its environment.)
 */
public final class CacheDirectory {

    public static final String PROPERTY = "atelier.home";
    public static final String VARIABLE = "ATELIER_HOME";

    private CacheDirectory() {}

    public static Path resolve() {
        return resolve(System::getProperty, System::getenv);
    }

    static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String home = nonBlank(properties.apply(PROPERTY));
        if (home == null) {
            home = nonBlank(environment.apply(VARIABLE));
        }
        if (home != null) {
            return Path.of(home).toAbsolutePath();
        }
        String xdg = nonBlank(environment.apply("XDG_CACHE_HOME"));
        if (xdg != null) {
            return Path.of(xdg, "atelier").toAbsolutePath();
        }
        return Path.of(properties.apply("user.home"), ".cache", "atelier").toAbsolutePath();
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
