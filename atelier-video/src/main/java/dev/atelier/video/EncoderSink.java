package dev.atelier.video;

import dev.atelier.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes a video file with FFmpeg (through JavaCV) into a hidden temporary file beside the target, renamed over
 * it by {@link #finish()}: H.264 by the bundled OpenH264 encoder with AAC sound, or VP9 with Opus sound for WebM.
 * Frames are stamped 0, 1, 2, … at the given rate, so the output has the input's frame count, rate and duration.
 */
final class EncoderSink implements FrameSink {

    private final Path target;
    private final AtomicFile.Pending pending;
    private final FFmpegFrameRecorder recorder;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final boolean sound;
    private volatile boolean finished;
    private volatile boolean discarded;

    private EncoderSink(Path target, AtomicFile.Pending pending, FFmpegFrameRecorder recorder, boolean sound) {
        this.target = target;
        this.pending = pending;
        this.recorder = recorder;
        this.sound = sound;
    }

    static {
        Ffmpeg.quiet();
    }

    static EncoderSink open(Path target, OutputKind kind, int width, int height, double frameRate,
            int audioChannels, int sampleRate) {
        String problem = AtomicFile.whyNotWritable(target);
        if (problem != null) {
            throw new VideoException("Cannot write " + target + ": " + problem);
        }
        AtomicFile.Pending pending;
        try {
            pending = AtomicFile.Pending.createFor(target.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new VideoException("Cannot write " + target + ": " + AtomicFile.describe(e), e);
        }
        boolean sound = audioChannels > 0;
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(pending.path().toFile(), width, height, sound ? audioChannels : 0);
        r.setFormat(kind.formatName(target.toString()));
        r.setFrameRate(frameRate);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        // about 0.25 bits per pixel: clean at 512×288 for stylised pictures, which have more detail than film
        int bitrate = (int) Math.min(50_000_000, Math.max(500_000, 0.25 * width * height * frameRate));
        if (kind == OutputKind.WEBM) {
            r.setVideoCodecName("libvpx-vp9");
            r.setVideoBitrate(bitrate);
            r.setVideoOption("deadline", "realtime");
            r.setVideoOption("cpu-used", "8");
            r.setVideoOption("row-mt", "1");
            if (sound) {
                r.setAudioCodec(avcodec.AV_CODEC_ID_OPUS);
                r.setSampleRate(48_000); // Opus knows no other rate; JavaCV resamples
            }
        } else {
            r.setVideoCodecName("libopenh264");
            r.setVideoBitrate(bitrate);
            r.setGopSize((int) Math.max(1, Math.round(frameRate * 2)));
            if (sound) {
                r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                r.setSampleRate(sampleRate);
            }
        }
        if (sound) {
            r.setAudioBitrate(160_000);
            r.setAudioChannels(audioChannels);
        }
        try {
            r.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            try {
                r.close();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            pending.discard();
            throw new VideoException("Cannot write " + target + ": " + FrameSource.describe(e), e);
        }
        return new EncoderSink(target, pending, r, sound);
    }

    @Override
    public void picture(BufferedImage frame) {
        BufferedImage bgr = frame;
        if (frame.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(frame, 0, 0, null);
        }
        try {
            recorder.record(converter.convert(bgr), avutil.AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new VideoException("Cannot write " + target + ": " + FrameSource.describe(e), e);
        }
    }

    @Override
    public void sound(Frame samples) {
        if (!sound) {
            return;
        }
        try {
            recorder.recordSamples(samples.sampleRate, samples.audioChannels, samples.samples);
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new VideoException("Cannot write " + target + ": " + FrameSource.describe(e), e);
        }
    }

    @Override
    public synchronized void finish() {
        try {
            recorder.stop();
            recorder.release();
            pending.commit();
            finished = true;
        } catch (IOException | RuntimeException e) {
            throw new VideoException("Cannot write " + target + ": " + AtomicFile.describe(e), e);
        }
    }

    @Override
    public void abandon() {
        if (!finished) {
            pending.discard();
        }
    }

    @Override
    public synchronized void discard() {
        if (finished || discarded) {
            return;
        }
        discarded = true;
        try {
            recorder.close();
        } catch (Exception ignored) {
            // the file goes anyway
        }
        pending.discard();
    }
}
