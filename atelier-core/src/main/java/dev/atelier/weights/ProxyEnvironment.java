package dev.atelier.weights;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy variables other command-line tools read ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}, in
 * either case), as the Java system properties the downloads use ({@code https.proxyHost} and so on). Java itself
 * ignores the variables. Properties given explicitly (e.g. through {@code ATELIER_JAVA_OPTS}) win.
 */
public final class ProxyEnvironment {

    /** Hosts Java never proxies by default; kept when NO_PROXY adds others. */
    private static final String JAVA_DEFAULT_NON_PROXY = "localhost|127.*|[::1]";

    private ProxyEnvironment() {}

    /** Sets the properties {@link #properties} derives from the environment, unless already set. */
    public static void apply(Map<String, String> environment) {
        properties(environment).forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** The system properties the variables in {@code environment} stand for; malformed values are skipped. */
    public static Map<String, String> properties(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        proxy(variable(environment, "https_proxy"), "https", out);
        proxy(variable(environment, "http_proxy"), "http", out);
        String noProxy = variable(environment, "no_proxy");
        if (noProxy != null && !out.isEmpty()) {
            List<String> hosts = new ArrayList<>(List.of(JAVA_DEFAULT_NON_PROXY));
            for (String entry : noProxy.split(",")) {
                String host = entry.trim();
                if (!host.isEmpty()) {
                    hosts.add(host.startsWith(".") ? "*" + host : host);
                }
            }
            // One property serves both schemes.
            out.put("http.nonProxyHosts", String.join("|", hosts));
        }
        return out;
    }

    private static String variable(Map<String, String> environment, String lowerCaseName) {
        String value = environment.get(lowerCaseName);
        if (value == null || value.isBlank()) {
            value = environment.get(lowerCaseName.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void proxy(String value, String scheme, Map<String, String> out) {
        if (value == null) {
            return;
        }
        try {
            URI uri = URI.create(value.contains("://") ? value : "http://" + value);
            if (uri.getHost() == null) {
                return;
            }
            out.put(scheme + ".proxyHost", uri.getHost());
            out.put(scheme + ".proxyPort", Integer.toString(uri.getPort() > 0 ? uri.getPort()
                    : "https".equals(uri.getScheme()) ? 443 : 80));
        } catch (IllegalArgumentException e) {
            // Not a URL: leave the proxy unset rather than fail a command that may not download at all.
        }
    }
}
