package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import dev.atelier.instant.StyleNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoRoundTripTest {

    @TempDir
    Path dir;

    static StyleNetwork wave;

    @BeforeAll
    static void load() {
        wave = TestNetworks.wave();
    }

    @AfterAll
    static void free() {
        wave.close();
    }

    @Test
    void mp4KeepsFrameCountRateDurationAndSound() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 20, 24, true);
        Path output = dir.resolve("out.mp4");
        VideoStylizer.Result result = VideoStylizer.run(input.toString(), output.toString(), wave,
                VideoSettings.defaults(), p -> { });

        assertThat(result.frames()).isEqualTo(20);
        assertThat(result.sound()).isTrue();
        Counted in = count(input);
        Counted out = count(output);
        assertThat(out.pictures).isEqualTo(in.pictures).isEqualTo(20);
        assertThat(out.info.frameRate()).isCloseTo(in.info.frameRate(), within(1e-6));
        assertThat(out.lastPictureMicros).isEqualTo(in.lastPictureMicros);
        assertThat(out.info.hasAudio()).isTrue();
        assertThat(out.info.sampleRate()).isEqualTo(in.info.sampleRate());
        assertThat(out.soundSeconds).isCloseTo(in.soundSeconds, within(0.05));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pan.mp4", "out.mp4");
        }
    }

    /**
     * Widths whose BGR rows are not a multiple of 64 bytes (FFmpeg pads them): numbered PNG frames decode to exactly
     * their pixels, and through H.264 and back the pictures stay within the codec's loss at these tiny sizes
     * (measured 5.7-8.2 levels; JavaCV's converter once turned a 96-pixel-wide clip into stripes, tens of levels off).
     */
    @Test
    void oddWidthsDecodeExactlyAndSurviveH264() throws Exception {
        for (int width : new int[] {96, 50, 33}) {
            Path folder = Files.createDirectories(dir.resolve("w" + width));
            String pattern = TestClips.panFrames(folder, width, 30, 1, 3);
            java.util.List<java.awt.image.BufferedImage> decoded = new java.util.ArrayList<>();
            try (FrameSource s = FrameSource.open(pattern, 25, 0, 0)) {
                for (FrameSource.Item item = s.next(); item != null; item = s.next()) {
                    decoded.add(((FrameSource.Picture) item).image());
                }
            }
            assertThat(decoded).hasSize(3);
            for (int i = 0; i < 3; i++) {
                java.awt.image.BufferedImage png = dev.atelier.image.ImageLoader.read(FramePattern.file(pattern, i + 1));
                assertThat(pixels(decoded.get(i))).as("width %d, frame %d", width, i + 1).isEqualTo(pixels(png));
            }
            Path mp4 = dir.resolve("w" + width + ".mp4");
            int even = width + width % 2; // H.264 wants even sides
            try (EncoderSink sink = EncoderSink.open(mp4, OutputKind.of(mp4.toString()), even, 30, 25, 0, 0)) {
                for (java.awt.image.BufferedImage frame : decoded) {
                    sink.picture(dev.atelier.image.ImageResizer.resize(frame, even, 30));
                }
                sink.finish();
            }
            try (FrameSource s = FrameSource.open(mp4.toString(), 25, 0, 0)) {
                java.awt.image.BufferedImage back = ((FrameSource.Picture) s.next()).image();
                java.awt.image.BufferedImage sent = dev.atelier.image.ImageResizer.resize(decoded.get(0),
                        back.getWidth(), back.getHeight());
                assertThat(WarpingError.meanAbsoluteDifference(back, sent)).as("width %d through H.264", width)
                        .isLessThan(12);
            }
        }
    }

    private static int[] pixels(java.awt.image.BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    record Counted(VideoInfo info, long pictures, long lastPictureMicros, double soundSeconds) {
    }

    static Counted count(Path file) {
        try (FrameSource s = FrameSource.open(file.toString(), 25, 0, 0)) {
            long pictures = 0;
            long last = -1;
            long samples = 0;
            FrameSource.Item item;
            while ((item = s.next()) != null) {
                if (item instanceof FrameSource.Picture p) {
                    pictures++;
                    last = p.timestampMicros();
                } else if (item instanceof FrameSource.Sound snd) {
                    samples += snd.samples().samples[0].limit() / Math.max(1, snd.samples().samples.length == 1
                            ? snd.samples().audioChannels : 1);
                }
            }
            return new Counted(s.info(), pictures, last,
                    s.info().sampleRate() > 0 ? (double) samples / s.info().sampleRate() : 0);
        }
    }
}
