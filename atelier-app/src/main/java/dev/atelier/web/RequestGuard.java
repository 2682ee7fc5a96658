package dev.atelier.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other web sites out of a server on the loopback address: a page elsewhere can make the browser send
 * requests here (or point its own name at 127.0.0.1), but it cannot set the {@code Host} and {@code Origin}
 * headers. So requests must name this machine as their host, and changes must come from this server's own page.
 */
final class RequestGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean loopbackOnly;

    RequestGuard(String boundHost) {
        this.loopbackOnly = LOOPBACK_NAMES.contains(boundHost.toLowerCase(Locale.ROOT))
                || boundHost.startsWith("127.");
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (loopbackOnly && (host == null || !isLoopback(hostName(host)))) {
            throw new ApiException(403, "This server answers only to localhost.");
        }
        String method = ctx.method().name();
        String origin = ctx.header("Origin");
        if (!method.equals("GET") && !method.equals("HEAD") && origin != null && !sameOrigin(origin, host)) {
            throw new ApiException(403, "Requests from other sites are refused.");
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLoopback(String name) {
        return LOOPBACK_NAMES.contains(name) || name.startsWith("127.");
    }

    /** The name part of a Host header: {@code localhost:8080} → {@code localhost}, {@code [::1]:80} → {@code [::1]}. */
    private static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
