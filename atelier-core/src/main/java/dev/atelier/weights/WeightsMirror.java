package dev.atelier.weights;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A server that holds copies of the published files under their original paths: its base URL replaces a URL's
 * scheme and host, and may add a path prefix. From {@code --mirror}, else the system property
 * {@code atelier.weights.mirror}, else {@code $ATELIER_WEIGHTS_MIRROR}.
 */
public record WeightsMirror(URI base) {

    public static final String PROPERTY = "atelier.weights.mirror";
    public static final String VARIABLE = "ATELIER_WEIGHTS_MIRROR";
    public static final WeightsMirror NONE = new WeightsMirror(null);

    public WeightsMirror {
        if (base != null) {
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
                throw new WeightsException("mirror '" + base + "' is not an http(s) URL with a host");
            }
        }
    }

    /** The mirror given by option (null if none), property or environment; {@link #NONE} if none is. */
    public static WeightsMirror resolve(String option) {
        for (String value : new String[] {option, System.getProperty(PROPERTY), System.getenv(VARIABLE)}) {
            if (value != null && !value.isBlank()) {
                return of(value.trim());
            }
        }
        return NONE;
    }

    public static WeightsMirror of(String url) {
        try {
            return new WeightsMirror(new URI(url));
        } catch (URISyntaxException e) {
            throw new WeightsException("mirror '" + url + "' is not a URL: " + e.getMessage());
        }
    }

    public boolean isSet() {
        return base != null;
    }

    /** {@code url} on the mirror: same path (after the mirror's own prefix), the mirror's scheme, host and port. */
    public URI apply(URI url) {
        if (base == null) {
            return url;
        }
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix + url.getRawPath() + query);
    }
}
