package dev.atelier.video;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

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
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
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
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw e instanceof VideoException v ? v
                    : new VideoException("Cannot read video " + input + ": " + describe(e), e);
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
                BufferedImage shared = converter.getBufferedImage(frame);
                pictures++;
                return new Picture(copy(shared), t);
            }
            if (frame.samples != null) {
                return new Sound(frame);
            }
        }
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return rgb;
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
