package dev.atelier.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reading and atomically writing whole files on any Hadoop file system (local, HDFS, s3a). */
final class HadoopFiles {

    /** Hidden temporary outputs: {@code .NAME.RUN-ATTEMPT.atelier-tmp}, beside their target. */
    static final String TEMP_SUFFIX = ".atelier-tmp";

    private HadoopFiles() {}

    static FileSystem fs(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        fs.setWriteChecksum(false); // no .crc files beside the pictures on the local file system
        fs.setVerifyChecksum(false);
        return fs;
    }

    static byte[] read(FileSystem fs, Path file, long maxBytes) throws IOException {
        long length = fs.getFileStatus(file).getLen();
        if (length > maxBytes) {
            throw new IOException("file is " + length + " bytes, more than the " + maxBytes + " allowed");
        }
        byte[] bytes = new byte[(int) length];
        try (InputStream in = fs.open(file)) {
            int off = 0;
            while (off < bytes.length) {
                int n = in.read(bytes, off, bytes.length - off);
                if (n < 0) {
                    throw new IOException("file shrank while being read");
                }
                off += n;
            }
        }
        return bytes;
    }

    /** The temporary name of {@code target} for one task attempt. */
    static Path temp(Path target, String attempt) {
        return new Path(target.getParent(), "." + target.getName() + "." + attempt + TEMP_SUFFIX);
    }

    /**
     * Writes {@code bytes} to the attempt's temporary file, then renames it to {@code target}. If another attempt
     * (a retry, or a speculative copy) got there first, its file is kept: both hold the same bytes; with
     * {@code replace}, an existing file is replaced even where the file system's rename will not. The temporary
     * file never outlives a failure of this method.
     */
    static void writeAtomically(FileSystem fs, Path target, String attempt, byte[] bytes, boolean replace)
            throws IOException {
        Path temp = temp(target, attempt);
        boolean renamed = false;
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(temp, true)) {
                out.write(bytes);
            }
            renamed = fs.rename(temp, target);
            if (!renamed && replace && fs.exists(target)) {
                // HDFS does not rename over a file: an old output being redone goes first
                fs.delete(target, false);
                renamed = fs.rename(temp, target);
            }
            if (!renamed && !fs.exists(target)) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        } finally {
            if (!renamed) {
                fs.delete(temp, false);
            }
        }
    }

    /** Writes a small file (the summary) the same way. */
    static void writeSmall(FileSystem fs, Path target, byte[] bytes) throws IOException {
        fs.delete(target, false);
        writeAtomically(fs, target, "driver", bytes, true);
    }
}
