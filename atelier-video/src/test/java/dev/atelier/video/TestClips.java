package dev.atelier.video;

import dev.atelier.SharedFiles;
import dev.atelier.image.ImageLoader;
import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSaver;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Clips whose motion is known: a window sliding across one of the shared photos by a whole number of pixels per
 * frame, so the true flow from one frame to the next is that shift everywhere (new pixels enter at one edge).
 */
final class TestClips {

    static final int SAMPLE_RATE = 44_100;

    private TestClips() {
    }

    /** The photo the pans cross, scaled to cover {@code width} x {@code height}. */
    static BufferedImage photo(int width, int height) {
        Ffmpeg.quiet();
        BufferedImage photo = ImageLoader.read(SharedFiles.root().resolve("photos").resolve("jetty-lake.jpg"));
        double f = Math.max((double) width / photo.getWidth(), (double) height / photo.getHeight());
        return ImageResizer.resize(photo, (int) Math.ceil(photo.getWidth() * f), (int) Math.ceil(photo.getHeight() * f));
    }

    /** Frame {@code i} of a pan moving the view right by {@code step} pixels a frame (content moves left). */
    static BufferedImage panFrame(BufferedImage photo, int width, int height, int step, int i) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = photo.getRGB(i * step, 0, width, height, null, 0, width);
        frame.setRGB(0, 0, width, height, rgb, 0, width);
        return frame;
    }

    /** Numbered PNG frames {@code dir/%05d.png} (from 1); returns the pattern. Lossless: the shift is exact. */
    static String panFrames(Path dir, int width, int height, int step, int frames) {
        BufferedImage photo = photo(width + step * frames, height);
        for (int i = 0; i < frames; i++) {
            ImageSaver.save(panFrame(photo, width, height, step, i), dir.resolve(String.format("%05d.png", i + 1)));
        }
        return dir.resolve("%05d.png").toString();
    }

    /** An MP4 (H.264) of the pan at {@code rate} fps, with a 440 Hz tone as its sound track if {@code sound}. */
    static Path panVideo(Path file, int width, int height, int step, int frames, double rate, boolean sound)
            throws Exception {
        return panVideo(file, width, height, step, frames, rate, sound, false);
    }

    /** As above; {@code fastStart} writes the MP4's index before the frames (as made for the web). */
    static Path panVideo(Path file, int width, int height, int step, int frames, double rate, boolean sound,
                         boolean fastStart) throws Exception {
        BufferedImage photo = photo(width + step * frames, height);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, sound ? 1 : 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            r.setFormat("mp4");
            r.setVideoCodecName("libopenh264");
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(rate);
            r.setVideoBitrate(2_000_000);
            if (fastStart) {
                r.setOption("movflags", "+faststart");
            }
            if (sound) {
                r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                r.setSampleRate(SAMPLE_RATE);
                r.setAudioChannels(1);
                r.setAudioBitrate(96_000);
            }
            r.start();
            int perFrame = (int) Math.round(SAMPLE_RATE / rate);
            for (int i = 0; i < frames; i++) {
                BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(panFrame(photo, width, height, step, i), 0, 0, null);
                r.record(converter.convert(bgr), avutil.AV_PIX_FMT_BGR24);
                if (sound) {
                    short[] tone = new short[perFrame];
                    for (int k = 0; k < perFrame; k++) {
                        double time = (double) (i * perFrame + k) / SAMPLE_RATE;
                        tone[k] = (short) (8000 * Math.sin(2 * Math.PI * 440 * time));
                    }
                    r.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(tone));
                }
            }
            r.stop();
        }
        return file;
    }
}
