package dev.atelier.video;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video file, or numbered frames ({@code frames/%05d.png}), one frame at a time (FFmpeg through JavaCV):
 * memory holds one decoded frame, whatever the clip's length. Video and audio come out in the file's order; a
 * {@code start}/{@code duration} window keeps only that part of the clip.
 *
 * <p>Not thread-safe. Every failure is a {@link VideoException} with a one-line message naming the input.
 */
public final class FrameSource implements AutoCloseable {

    /** One decoded piece of the clip: a video frame or a block of audio samples. */
    public sealed interface Item permits Picture, Sound {
    }

    /** A video frame, as an RGB image of its own (not shared with the decoder). */
    public record Picture(BufferedImage image, long timestampMicros) implements Item {
    }

    /** Audio samples; valid only until the next call to {@link #next()} (the decoder reuses the buffers). */
    public record Sound(Frame samples) implements Item {
    }

    static {
        Ffmpeg.quiet();
    }

    private final FFmpegFrameGrabber grabber;
    private final String name;
    private final VideoInfo info;
    private final long startMicros;
    private final long endMicros;
    private long pictures;

    private FrameSource(FFmpegFrameGrabber grabber, String name, VideoInfo info, long startMicros, long endMicros) {
        this.grabber = grabber;
        this.name = name;
        this.info = info;
        this.startMicros = startMicros;
        this.endMicros = endMicros;
    }

    /**
     * Opens a video file or a numbered-frames pattern (a path containing a {@code %d}-style field).
     *
     * @param input          the file, or e.g. {@code frames/%05d.png}
     * @param framesRate     frames per second given to numbered frames (files carry their own)
     * @param startSeconds   where to begin (0 for the start)
     * @param durationSeconds how much to read, or a non-positive number for all of it
     */
    public static FrameSource open(String input, double framesRate, double startSeconds, double durationSeconds) {
        boolean numbered = FramePattern.isPattern(input);
        if (numbered) {
            Path first = FramePattern.firstFile(input);
            if (first == null) {
                throw new VideoException("Cannot read video " + input + ": no numbered frames match it");
            }
        } else {
            Path file = Path.of(input);
            if (!Files.exists(file)) {
                throw new VideoException("Cannot read video " + input + ": no such file");
            }
            if (!Files.isRegularFile(file)) {
                throw new VideoException("Cannot read video " + input + ": not a file");
            }
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        if (numbered) {
            grabber.setFormat("image2");
            grabber.setFrameRate(framesRate);
            grabber.setOption("start_number", Integer.toString(FramePattern.firstNumber(input)));
        }
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw new VideoException("Cannot read video " + input + ": " + describe(e), e);
        }
        try {
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new VideoException("Cannot read video " + input + ": no video stream"
                        + (grabber.getAudioChannels() > 0 ? " (audio only)" : ""));
            }
            if (!numbered) {
                checkWhole(grabber, Path.of(input));
            }
            if (grabber.getPixelFormat() != avutil.AV_PIX_FMT_BGR24) {
                throw new VideoException("Cannot read video " + input + ": the decoder gives pixel format "
                        + grabber.getPixelFormat() + ", not BGR24");
            }
            double rate = grabber.getFrameRate();
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new VideoException("Cannot read video " + input + ": the video stream has no frame rate");
            }
            long startMicros = Math.round(Math.max(0, startSeconds) * 1e6);
            long endMicros = durationSeconds > 0 ? startMicros + Math.round(durationSeconds * 1e6) : Long.MAX_VALUE;
            if (startMicros > 0) {
                grabber.setTimestamp(startMicros, true);
            }
            long count = Math.max(0, grabber.getLengthInVideoFrames());
            long windowFrames = Math.round((Math.min(endMicros, startMicros + lengthMicros(grabber, count, rate))
                    - startMicros) * rate / 1e6);
            long frames = count == 0 ? 0 : Math.max(0, Math.min(count, windowFrames));
            int channels = grabber.getAudioStream() >= 0 ? grabber.getAudioChannels() : 0;
            VideoInfo info = new VideoInfo(grabber.getImageWidth(), grabber.getImageHeight(), rate, frames,
                    channels, channels > 0 ? grabber.getSampleRate() : 0);
            return new FrameSource(grabber, input, info, startMicros, endMicros);
        } catch (java.io.IOException | RuntimeException e) {
            closeQuietly(grabber);
            throw e instanceof VideoException v ? v
                    : new VideoException("Cannot read video " + input + ": " + describe(e), e);
        }
    }

    /**
     * Refuses a file cut short whose index survived (an MP4 written with its index first, the web's "fast start"):
     * FFmpeg opens it and would decode the frames that are there and stop, as if the clip were shorter.
     */
    private static void checkWhole(FFmpegFrameGrabber grabber, Path file) throws java.io.IOException {
        long size = Files.size(file);
        AVFormatContext context = grabber.getFormatContext();
        long needed = 0;
        for (int s = 0; s < context.nb_streams(); s++) {
            AVStream stream = context.streams(s);
            int entries = avformat.avformat_index_get_entries_count(stream);
            for (int i = 0; i < entries; i++) {
                AVIndexEntry entry = avformat.avformat_index_get_entry(stream, i);
                if (entry.pos() >= 0) {
                    needed = Math.max(needed, entry.pos() + entry.size());
                }
            }
        }
        if (needed > size) {
            throw new VideoException("Cannot read video " + file + ": truncated (its index reaches byte " + needed
                    + ", the file ends at byte " + size + ")");
        }
    }

    private static long lengthMicros(FFmpegFrameGrabber grabber, long count, double rate) {
        long fromFrames = Math.round(count / rate * 1e6);
        return fromFrames > 0 ? fromFrames : Math.max(0, grabber.getLengthInTime());
    }

    public VideoInfo info() {
        return info;
    }

    /** Video frames handed out so far. */
    public long pictures() {
        return pictures;
    }

    /** The next picture or block of sound inside the window, or null at the end. */
    public Item next() {
        while (true) {
            Frame frame;
            try {
                frame = grabber.grab();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new VideoException("Cannot read video " + name + " after " + pictures + " frames: "
                        + describe(e), e);
            }
            if (frame == null) {
                return null;
            }
            long t = frame.timestamp - Math.max(0, grabber.getFormatContext().start_time());
            if (t >= endMicros) {
                if (frame.image != null) {
                    return null; // past the window (audio may run a little ahead of the last picture)
                }
                continue;
            }
            if (t < startMicros - 500) {
                continue; // seeking lands on the key frame before the start
            }
            if (frame.image != null) {
                pictures++;
                return new Picture(toRgb(frame), t);
            }
            if (frame.samples != null) {
                return new Sound(frame);
            }
        }
    }

    /**
     * The decoded picture (BGR24: three bytes a pixel, as the grabber is told to give) as an RGB image of its own,
     * row by row at the frame's stride. FFmpeg pads rows to its alignment, and JavaCV then takes the padded row's
     * bytes over the width for the number of channels: a 96-pixel row (288 bytes) in a 384-byte stride became "4
     * channels", and its Java2DFrameConverter turned such clips into stripes over three quarters of the width.
     */
    static BufferedImage toRgb(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int stride = frame.imageStride;
        if (frame.imageDepth != Frame.DEPTH_UBYTE || stride < 3 * w) {
            throw new VideoException("unexpected decoded picture: depth " + frame.imageDepth + ", stride " + stride
                    + " for width " + w);
        }
        java.nio.ByteBuffer data = ((java.nio.ByteBuffer) frame.image[0]).duplicate();
        byte[] row = new byte[3 * w];
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            data.position(y * stride);
            data.get(row);
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = (row[3 * x + 2] & 0xFF) << 16 | (row[3 * x + 1] & 0xFF) << 8 | (row[3 * x] & 0xFF);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // closing after a failure; the failure is what matters
        }
    }

    /** FFmpeg's own words for a failure, without the function-name prefix JavaCV puts before them. */
    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s*\\R\\s*", " ").trim();
        m = m.replaceFirst("^\\w+\\(\\) error -?\\d+:\\s*", "");
        if (m.startsWith("Did not find a video or audio stream")) {
            return "no frames (no video stream with a single decodable frame)";
        }
        if (m.startsWith("Could not open input")) {
            return "not a video FFmpeg can read (damaged, truncated or not a video at all)";
        }
        return m;
    }
}
