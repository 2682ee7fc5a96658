package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import dev.atelier.instant.StyleNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container follows the output's extension; --start/--duration take a part of the clip. */
class OutputKindsTest {

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
    void webmKeepsFramesAndSound() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 12, 24, true);
        Path out = dir.resolve("out.webm");
        VideoStylizer.Result r = VideoStylizer.run(input.toString(), out.toString(), wave,
                VideoSettings.defaults(), p -> { });
        assertThat(r.sound()).isTrue();
        VideoRoundTripTest.Counted c = VideoRoundTripTest.count(out);
        assertThat(c.pictures()).isEqualTo(12);
        assertThat(c.info().hasAudio()).isTrue();
        assertThat(c.info().frameRate()).isCloseTo(24, within(1e-6));
    }

    @Test
    void gifHasEveryFrameAndNoSound() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 10, 25, true);
        Path out = dir.resolve("out.gif");
        VideoStylizer.Result r = VideoStylizer.run(input.toString(), out.toString(), wave,
                VideoSettings.defaults(), p -> { });
        assertThat(r.sound()).isFalse();
        VideoRoundTripTest.Counted c = VideoRoundTripTest.count(out);
        assertThat(c.pictures()).isEqualTo(10);
        assertThat(c.info().width()).isEqualTo(64);
    }

    @Test
    void startAndDurationTakeAPart() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 24, 24, true);
        Path out = dir.resolve("part.mp4");
        VideoStylizer.Result r = VideoStylizer.run(input.toString(), out.toString(), wave,
                VideoSettings.defaults().withWindow(0.25, 0.5), p -> { });
        assertThat(r.frames()).isEqualTo(12);
        VideoRoundTripTest.Counted c = VideoRoundTripTest.count(out);
        assertThat(c.pictures()).isEqualTo(12);
        assertThat(c.soundSeconds()).isCloseTo(0.5, within(0.06));
    }

    @Test
    void sizeScalesTheLongestSideToEvenSides() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 4, 24, false);
        Path out = dir.resolve("small.mp4");
        VideoStylizer.Result r = VideoStylizer.run(input.toString(), out.toString(), wave,
                VideoSettings.defaults().withSize(43), p -> { });
        assertThat(r.width()).isEqualTo(42); // 43, made even for 4:2:0 chroma
        assertThat(r.height()).isEqualTo(32); // 48 * 43 / 64 = 32.25
        assertThat(VideoRoundTripTest.count(out).info().width()).isEqualTo(42);
    }
}
