package dev.atelier.weights;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a folder tree on 127.0.0.1, a file at its relative path (as {@code /work/shared/mirror} lays out the
 * published files), honouring Range; 404 for what is not there. Can cut one file's first response halfway and slow
 * every response down.
 */
final class TestFolderServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Path root;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> cutOnce = ConcurrentHashMap.newKeySet();
    private volatile long pauseMillis;

    TestFolderServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first request for a path ending in {@code suffix} is cut off halfway through its body. */
    void cutOnce(String suffix) {
        cutOnce.add(suffix);
    }

    /** Pause after each 4 KiB sent, so that concurrent clients overlap. */
    void pause(long millis) {
        pauseMillis = millis;
    }

    /** Every request, as "PATH" or "PATH RANGE". */
    List<String> requests() {
        return requests;
    }

    long requestsEndingWith(String suffix) {
        return requests.stream().filter(r -> r.split(" ")[0].endsWith(suffix)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(range == null ? path : path + " " + range);
        try (exchange) {
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] content = Files.readAllBytes(file);
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
            boolean cut = cutOnce.removeIf(path::endsWith);
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, content.length - from);
            OutputStream out = exchange.getResponseBody();
            int end = cut ? from + (content.length - from) / 2 : content.length;
            int slice = pauseMillis > 0 ? 4096 : 1 << 16;
            for (int at = from; at < end; at += slice) {
                out.write(content, at, Math.min(slice, end - at));
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
            if (cut) {
                throw new IOException("test server cuts the connection"); // the server then drops it mid-body
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
