package dev.atelier.video;

import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSize;
import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stylises a clip frame by frame with an instant style network: decode, (resize), network, temporal
 * stabilisation, save to the work folder, encode. Streams: memory holds a couple of frames whatever the length.
 * The output keeps the input's frame rate and frame count (and sound, where the container takes it).
 *
 * <p>Nothing appears under the output's name until the last frame is done; an interrupted run (Ctrl-C, a kill)
 * leaves only its work folder, from which {@link VideoSettings#resume()} continues.
 */
public final class VideoStylizer {

    /** What the run made. */
    public record Result(long frames, long resumed, int width, int height, double frameRate, boolean sound,
            VideoTimings timings, double seconds) {
    }

    private VideoStylizer() {
    }

    /**
     * Checks the output path before anything is decoded: its kind, and that its directory takes files.
     *
     * @return the kind of output
     */
    public static OutputKind checkOutput(String output) {
        OutputKind kind = OutputKind.of(output);
        Path probe = kind == OutputKind.FRAMES ? FramePattern.file(output, 1) : Path.of(output);
        String problem = dev.atelier.io.AtomicFile.whyNotWritable(probe);
        if (problem != null) {
            throw new VideoException("Cannot write " + output + ": " + problem);
        }
        return kind;
    }

    /**
     * With an instant network already open (not closed here), stabilised at the settings' temporal strength.
     */
    public static Result run(String input, String output, StyleNetwork network, VideoSettings settings,
            Consumer<VideoProgress> progress) {
        StyleNetwork borrowed = new StyleNetwork() {
            @Override
            public String name() {
                return network.name();
            }

            @Override
            public BufferedImage apply(BufferedImage photo) {
                return network.apply(photo);
            }

            @Override
            public void close() {
                // the caller's
            }
        };
        return run(input, output, () -> new InstantPainter(borrowed, settings.temporalStrength()), settings, progress);
    }

    /**
     * Stylises {@code input} into {@code output}. The output path and the input are checked before
     * {@code painters} is asked for the painter (whose network may take a while to load); it is closed at the end.
     */
    public static Result run(String input, String output, Supplier<FramePainter> painters, VideoSettings settings,
            Consumer<VideoProgress> progress) {
        OutputKind kind = checkOutput(output);
        try (FrameSource source = FrameSource.open(input, settings.framesRate(), settings.startSeconds(),
                settings.durationSeconds())) {
            List<FrameSource.Item> head = peekCheck(source, input, settings.startSeconds());
            try (FramePainter painter = painters.get()) {
                return run(source, head, input, output, kind, painter, settings, progress, System.nanoTime());
            }
        }
    }

    private static Result run(FrameSource source, List<FrameSource.Item> head, String input, String output,
            OutputKind kind, FramePainter painter, VideoSettings settings, Consumer<VideoProgress> progress,
            long started) {
        {
            VideoInfo info = source.info();
            ImageSize size = outputSize(info, settings.size(), kind.needsEvenSides());
            WorkFolder work = WorkFolder.of(output);
            String key = key(input, painter, settings, size);
            long already = work.prepare(key, settings.resume());
            boolean sound = info.hasAudio() && kind.keepsSound();
            FrameSink sink = switch (kind) {
                case H264, WEBM -> EncoderSink.open(Path.of(output), kind, size.width(), size.height(),
                        info.frameRate(), sound ? info.audioChannels() : 0, info.sampleRate());
                case GIF -> new GifSink(Path.of(output), work, info.frameRate());
                case FRAMES -> new FramesSink(output, work);
            };
            Thread hook = new Thread(sink::abandon, "atelier-video-abandon");
            Runtime.getRuntime().addShutdownHook(hook);
            boolean ok = false;
            try (sink) {
                long decode = 0;
                long net = 0;
                long encode = 0;
                long save = 0;
                long done = 0;
                long t = System.nanoTime();
                Iterator<FrameSource.Item> first = head.iterator();
                for (FrameSource.Item item = first.next(); item != null;
                        item = first.hasNext() ? first.next() : source.next()) {
                    if (item instanceof FrameSource.Sound s) {
                        long e0 = System.nanoTime();
                        decode += e0 - t;
                        sink.sound(s.samples());
                        t = System.nanoTime();
                        encode += t - e0;
                        continue;
                    }
                    BufferedImage frame = ((FrameSource.Picture) item).image();
                    if (frame.getWidth() != size.width() || frame.getHeight() != size.height()) {
                        frame = ImageResizer.resize(frame, size);
                    }
                    long n0 = System.nanoTime();
                    decode += n0 - t;
                    done++;
                    BufferedImage out;
                    if (done <= already) {
                        out = work.load(done);
                        painter.remember(frame, out);
                        long n1 = System.nanoTime();
                        save += n1 - n0;
                        n0 = n1;
                    } else {
                        out = painter.paint(frame);
                        long n1 = System.nanoTime();
                        net += n1 - n0;
                        n0 = n1;
                        work.save(done, out);
                        long n2 = System.nanoTime();
                        save += n2 - n0;
                        n0 = n2;
                    }
                    sink.picture(out);
                    t = System.nanoTime();
                    encode += t - n0;
                    long flow = painter.flowNanos();
                    long warp = painter.warpNanos();
                    VideoTimings timings = new VideoTimings(decode, flow, warp, net - flow - warp, encode, save);
                    progress.accept(new VideoProgress(done, Math.max(info.frameCount(), done),
                            Math.min(done, already), (t - started) / 1e9, timings));
                }
                if (done < already) {
                    throw new VideoException("Cannot resume: the input has " + done + " frames, but " + already
                            + " were done before; run without --resume");
                }
                long e0 = System.nanoTime();
                sink.finish();
                encode += System.nanoTime() - e0;
                ok = true;
                work.delete();
                long flow = painter.flowNanos();
                long warp = painter.warpNanos();
                return new Result(done, Math.min(done, already), size.width(), size.height(), info.frameRate(),
                        sound, new VideoTimings(decode, flow, warp, net - flow - warp, encode, save),
                        (System.nanoTime() - started) / 1e9);
            } finally {
                if (!ok && done0(work) == 0) {
                    work.delete(); // nothing worth resuming (a failure before the first frame)
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down: the hook runs
                }
            }
        }
    }

    /**
     * Decodes up to the first picture, so that a clip without frames fails before the network loads; the sound
     * before it is copied (the decoder reuses its buffers), to be written first.
     */
    private static List<FrameSource.Item> peekCheck(FrameSource source, String input, double start) {
        List<FrameSource.Item> items = new ArrayList<>();
        FrameSource.Item item;
        while ((item = source.next()) != null) {
            if (item instanceof FrameSource.Sound s) {
                items.add(new FrameSource.Sound(s.samples().clone()));
            } else {
                items.add(item);
                return items;
            }
        }
        throw new VideoException("Cannot read video " + input + ": no frames"
                + (start > 0 ? String.format(Locale.ROOT, " after %s s (the clip is shorter)", start) : ""));
    }

    private static long done0(WorkFolder work) {
        return work.exists() && Files.isRegularFile(work.frame(1)) ? 1 : 0;
    }

    /** The frames' size: the input's, or its longest side scaled to {@code size}; even sides where needed. */
    static ImageSize outputSize(VideoInfo info, int size, boolean even) {
        int w = info.width();
        int h = info.height();
        if (size > 0 && size != Math.max(w, h)) {
            double f = (double) size / Math.max(w, h);
            w = Math.max(1, (int) Math.round(w * f));
            h = Math.max(1, (int) Math.round(h * f));
        }
        if (even) {
            w = Math.max(2, w & ~1);
            h = Math.max(2, h & ~1);
        }
        return new ImageSize(w, h);
    }

    private static String key(String input, FramePainter network, VideoSettings s, ImageSize size) {
        Path in = Path.of(input).toAbsolutePath().normalize();
        long bytes = -1;
        long modified = -1;
        try {
            if (Files.isRegularFile(in)) {
                bytes = Files.size(in);
                modified = Files.getLastModifiedTime(in).toMillis();
            }
        } catch (java.io.IOException ignored) {
            // the key is then weaker, not wrong
        }
        return String.format(Locale.ROOT, "input=%s%nbytes=%d%nmodified=%d%nnetwork=%s%nsize=%dx%d%nstart=%s%n"
                        + "duration=%s%nstrength=%s%nframes-rate=%s%n", in, bytes, modified, network.name(),
                size.width(), size.height(), s.startSeconds(), s.durationSeconds(), s.temporalStrength(),
                s.framesRate());
    }
}
