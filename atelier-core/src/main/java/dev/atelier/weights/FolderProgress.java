package dev.atelier.weights;

import java.net.URI;
import java.nio.file.Path;

/**
 * One progress report over all the bytes of all the files of a folder model: the per-file events of
 * {@link PartFileDownload} become one transfer that starts once (per source) and ends once.
 */
final class FolderProgress implements DownloadListener {

    private final DownloadListener out;
    private final long total;
    private long done;
    private URI announced;
    private URI source;
    private boolean open;

    /** @param total the bytes of every file, -1 if one's size is not known */
    FolderProgress(DownloadListener out, long total) {
        this.out = out;
        this.total = total;
    }

    /** The files that follow come from {@code source} (a folder URL), as the listener will be told. */
    void source(URI source) {
        this.source = source;
    }

    /** A file of {@code bytes} is complete (downloaded and verified now, or earlier). */
    void fileDone(long bytes) {
        done += bytes;
    }

    /** No more files come: the transfer, if one was announced, has ended. */
    void finish() {
        if (open) {
            out.transferEnded();
            open = false;
        }
    }

    @Override
    public void waiting(Path lockFile) {
        out.waiting(lockFile);
    }

    @Override
    public void started(URI file, long from, long fileTotal) {
        if (!source.equals(announced)) {
            finish();
            out.started(source, done + from, total);
            announced = source;
            open = true;
        }
    }

    @Override
    public void progressed(long bytes, long fileTotal) {
        out.progressed(done + bytes, total);
    }

    @Override
    public void transferEnded() {
        // one file's transfer: the folder's goes on
    }
}
