package dev.atelier.weights;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP GET of a file, optionally from a byte offset (Range), following up to five redirects. Uses
 * HttpURLConnection rather than java.net.http.HttpClient because its read timeout applies to every read of the
 * body, so a server that stalls mid-transfer is noticed.
 */
final class HttpFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** An open response: {@code status} 200 (whole file) or 206 (from {@code start}); close it when done. */
    record Response(URI url, int status, long start, long total, InputStream body, HttpURLConnection connection)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // the transfer is over either way
            }
            connection.disconnect();
        }
    }

    private final DownloadSettings settings;

    HttpFetcher(DownloadSettings settings) {
        this.settings = settings;
    }

    /**
     * GETs {@code url} from byte {@code from}. The response is 200 (the server ignored the range: the whole file),
     * 206 (from {@code from}) or 416 (nothing to send from there); anything else throws a one-line error.
     */
    Response get(URI url, long from) {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection c = open(current, from);
            int status = status(c, current);
            if (status >= 300 && status < 400 && status != 304) {
                String location = c.getHeaderField("Location");
                c.disconnect();
                if (location == null) {
                    throw new DownloadException(current, "redirect " + status + " without a Location");
                }
                current = current.resolve(location);
                continue;
            }
            if (status == 200 || status == 206 || status == 416) {
                return response(c, current, status);
            }
            String reason = c.getHeaderField(0);
            c.disconnect();
            throw new DownloadException(current, status == 404 ? "not found (HTTP 404)"
                    : "the server answered " + (reason == null ? "HTTP " + status : reason.trim()));
        }
        throw new DownloadException(url, "more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpURLConnection open(URI url, long from) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DownloadException(url, "only http and https URLs can be downloaded");
        }
        try {
            HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(millis(settings.connectTimeout()));
            c.setReadTimeout(millis(settings.readTimeout()));
            c.setRequestProperty("User-Agent", "atelier");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                c.setRequestProperty("Range", "bytes=" + from + "-");
            }
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new DownloadException(url, "cannot open: " + e.getMessage(), e);
        }
    }

    private int status(HttpURLConnection c, URI url) {
        try {
            return c.getResponseCode();
        } catch (UnknownHostException e) {
            throw new DownloadException(url, "cannot resolve host " + url.getHost() + " (offline?)", e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new DownloadException(url, "cannot connect to " + url.getAuthority() + " (" + e.getMessage() + ")", e);
        } catch (SocketTimeoutException e) {
            boolean connected = !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
            throw new DownloadException(url, connected
                    ? "no response within " + seconds(settings.readTimeout()) + " (server stalled)"
                    : "no connection within " + seconds(settings.connectTimeout()), e);
        } catch (IOException e) {
            throw new DownloadException(url, "request failed: " + e.getMessage(), e);
        }
    }

    private Response response(HttpURLConnection c, URI url, int status) {
        long length = c.getContentLengthLong();
        long start = 0;
        long total = length;
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
            if (!m.matches()) {
                c.disconnect();
                throw new DownloadException(url, "partial response without a valid Content-Range");
            }
            start = Long.parseLong(m.group(1));
            total = m.group(3).equals("*") ? (length < 0 ? -1 : start + length) : Long.parseLong(m.group(3));
        }
        try {
            InputStream body = status == 416 ? InputStream.nullInputStream() : c.getInputStream();
            return new Response(url, status, start, total, body, c);
        } catch (IOException e) {
            c.disconnect();
            throw new DownloadException(url, "cannot read the response: " + e.getMessage(), e);
        }
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
