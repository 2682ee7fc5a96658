package dev.atelier.weights;

import java.net.URI;

/** A weights file could not be fetched from a URL, or what came was not the published file; nothing was cached. */
public class DownloadException extends WeightsException {

    private final URI url;
    private final String problem;

    public DownloadException(URI url, String problem) {
        this(url, problem, null);
    }

    public DownloadException(URI url, String problem, Throwable cause) {
        super(url + ": " + problem, cause);
        this.url = url;
        this.problem = problem;
    }

    public URI url() {
        return url;
    }

    /** What went wrong, without the URL. */
    public String problem() {
        return problem;
    }
}
