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
