package dev.atelier.weights;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Brings one URL's bytes into a partial file, resuming with an HTTP Range from whatever the file already holds.
 * A transfer cut off after making progress is resumed at once, up to the configured number of attempts; if it
 * still fails, the partial file stays for the next run to resume. Checking what arrived is the caller's job.
 */
final class PartFileDownload {

    private final URI source;
    private final Path part;
    private final long expectedSize;
    private final DownloadSettings settings;
    private final DownloadListener listener;
    private final HttpFetcher fetcher;

    /** @param expectedSize the published size, or -1 */
    PartFileDownload(URI source, Path part, long expectedSize, DownloadSettings settings, DownloadListener listener) {
        this.source = source;
        this.part = part;
        this.expectedSize = expectedSize;
        this.settings = settings;
        this.listener = listener;
        this.fetcher = new HttpFetcher(settings);
    }

    void run() {
        for (int attempt = 1; ; attempt++) {
            long have = size();
            if (expectedSize >= 0 && have > expectedSize) {
                delete();
                have = 0;
            }
            if (expectedSize >= 0 && have == expectedSize) {
                return; // a previous run got everything but was stopped before checking it
            }
            try {
                transfer(have);
                return;
            } catch (Interrupted e) {
                if (!e.progressed || attempt >= settings.attempts()) {
                    throw new DownloadException(source, e.getMessage() + "; the " + size() + " bytes received are kept "
                            + "in " + part + " and the next try resumes from there", e.getCause());
                }
            } finally {
                listener.transferEnded();
            }
        }
    }

    /** The transfer broke off; what came is on disk. */
    private static final class Interrupted extends Exception {
        /** Whether any bytes came before it did: then trying again at once is worth it. */
        final boolean progressed;

        Interrupted(String message, Throwable cause, boolean progressed) {
            super(message, cause);
            this.progressed = progressed;
        }
    }

    private void transfer(long have) throws Interrupted {
        try (HttpFetcher.Response r = fetcher.get(source, have)) {
            boolean resumable = r.status() == 200 || (r.status() == 206 && r.start() == have);
            if (!resumable && have == 0) {
                throw new DownloadException(r.url(), "the server answered a request for the whole file with HTTP "
                        + r.status() + (r.status() == 206 ? " from byte " + r.start() : ""));
            }
            if (resumable) {
                long from = r.status() == 206 ? have : 0;
                long limit = expectedSize >= 0 ? expectedSize : settings.maxUnknownSize();
                if (expectedSize >= 0 && r.total() >= 0 && r.total() != expectedSize) {
                    throw new DownloadException(r.url(), "the server has " + r.total() + " bytes, but the published "
                            + "file has " + expectedSize + " (wrong file?); nothing was cached");
                }
                listener.started(r.url(), from, r.total());
                long received = copy(r.body(), from, r.total(), limit);
                if (r.total() >= 0 && received < r.total()) {
                    throw new Interrupted("the transfer broke off after " + received + " of " + r.total()
                            + " bytes (the connection closed)", null, received > from);
                }
                return;
            }
        }
        // The server cannot resume where the partial file ends (it changed, or the file is not a prefix of it).
        delete();
        transfer(0);
    }

    /** Appends the body at {@code from} (truncating anything after it); returns the file's length after. */
    private long copy(InputStream body, long from, long total, long limit) throws Interrupted {
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(from);
            out.position(from);
            byte[] buffer = new byte[1 << 16];
            long received = from;
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    out.force(false);
                    throw new Interrupted(describe(e, received, total), e, received > from);
                }
                if (n < 0) {
                    break;
                }
                received += n;
                if (received > limit) {
                    delete();
                    throw new DownloadException(source, "the server sent more than " + limit
                            + " bytes, more than the file can be; nothing was cached");
                }
                out.write(ByteBuffer.wrap(buffer, 0, n));
                listener.progressed(received, total);
            }
            out.force(false);
            return received;
        } catch (IOException e) {
            throw new WeightsException("cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    private String describe(IOException e, long received, long total) {
        String where = " after " + received + (total >= 0 ? " of " + total : "") + " bytes";
        if (e instanceof java.net.SocketTimeoutException) {
            return "no data for " + HttpFetcher.seconds(settings.readTimeout()) + where + " (server stalled)";
        }
        return "the transfer broke off" + where + " (" + e.getMessage() + ")";
    }

    private long size() {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new WeightsException("cannot remove " + part + ": " + e.getMessage(), e);
        }
    }
}
