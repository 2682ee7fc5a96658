package dev.atelier.weights;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves one file on 127.0.0.1 at any path, honouring Range, and misbehaves on request. */
final class TestWeightsServer implements AutoCloseable {

    enum Mode {
        /** Serve the file (206 for a Range). */
        SERVE,
        /** Cut the first response off halfway through, then serve. */
        CUT_ONCE,
        /** Cut every response off halfway through. */
        CUT_ALWAYS,
        /** Serve in small slices with pauses, so that concurrent clients overlap. */
        SLOW,
        /** Accept the request and never answer (until closed). */
        STALL,
        NOT_FOUND,
        SERVER_ERROR,
        /** Redirect /redirect/PATH to /PATH, then serve. */
        REDIRECT
    }

    /** Paths under this answer 404 whatever the mode. */
    static final String MISSING = "/missing/";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final byte[] content;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SERVE;
    private volatile long slowPauseMillis = 5;

    TestWeightsServer(byte[] content) throws IOException {
        this.content = content;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** How long {@link Mode#SLOW} pauses after each 4 KiB. */
    void slowPause(long millis) {
        this.slowPauseMillis = millis;
    }

    int requests() {
        return requests.get();
    }

    /** The Range header of every request, "" where there was none. */
    List<String> ranges() {
        return ranges;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        Mode m = mode;
        try (exchange) {
            if (exchange.getRequestURI().getPath().startsWith(MISSING)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            switch (m) {
                case STALL -> {
                    try {
                        stop.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case NOT_FOUND -> exchange.sendResponseHeaders(404, -1);
                case SERVER_ERROR -> exchange.sendResponseHeaders(500, -1);
                case REDIRECT -> {
                    String path = exchange.getRequestURI().getPath();
                    if (path.startsWith("/redirect/")) {
                        exchange.getResponseHeaders().add("Location", path.substring("/redirect".length()));
                        exchange.sendResponseHeaders(302, -1);
                    } else {
                        serve(exchange, range, false, false);
                    }
                }
                default -> serve(exchange, range, m == Mode.CUT_ALWAYS || (m == Mode.CUT_ONCE && n == 1), m == Mode.SLOW);
            }
        }
    }

    private void serve(HttpExchange exchange, String range, boolean cut, boolean slow) throws IOException {
        int from = 0;
        Matcher r = range == null ? null : RANGE.matcher(range);
        if (r != null && r.matches()) {
            from = Integer.parseInt(r.group(1));
            if (from >= content.length) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, content.length - from);
        OutputStream out = exchange.getResponseBody();
        int end = cut ? from + (content.length - from) / 2 : content.length;
        int slice = slow ? 4096 : 1 << 16;
        for (int at = from; at < end; at += slice) {
            out.write(content, at, Math.min(slice, end - at));
            out.flush();
            if (slow) {
                pause(slowPauseMillis);
            }
        }
        if (cut) {
            // Drop the connection mid-body: the server closes it when a handler fails.
            throw new IOException("test server cuts the connection");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.countDown();
        server.stop(0);
    }
}
