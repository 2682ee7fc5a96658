package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.instant.StyleNetwork;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted run leaves no output, only its work folder; --resume then finishes it exactly as one run would. */
class ResumeTest {

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
    void interruptedRunLeavesNoOutputAndResumeGivesTheSameFrames() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        String input = TestClips.panFrames(dir.resolve("in"), 64, 40, 2, 12);
        Files.createDirectories(dir.resolve("whole"));
        Files.createDirectories(dir.resolve("parts"));
        String whole = dir.resolve("whole/%05d.png").toString();
        String parts = dir.resolve("parts/%05d.png").toString();
        VideoSettings settings = VideoSettings.defaults();
        CountingNetwork net = new CountingNetwork(Integer.MAX_VALUE);
        VideoStylizer.run(input, whole, net, settings, p -> { });

        CountingNetwork failing = new CountingNetwork(7);
        assertThatThrownBy(() -> VideoStylizer.run(input, parts, failing, settings, p -> { }))
                .hasMessageContaining("interrupted");
        assertThat(names(dir.resolve("parts"))).containsExactly(WorkFolder.of(parts).directory().getFileName().toString());
        assertThat(WorkFolder.of(parts).frame(6)).exists();
        assertThat(WorkFolder.of(parts).frame(7)).doesNotExist();

        CountingNetwork rest = new CountingNetwork(Integer.MAX_VALUE);
        VideoStylizer.Result result = VideoStylizer.run(input, parts, rest, settings.withResume(true), p -> { });
        assertThat(result.resumed()).isEqualTo(6);
        assertThat(rest.calls).isEqualTo(6);
        assertThat(names(dir.resolve("parts"))).hasSize(12).allMatch(n -> n.matches("\\d{5}\\.png"));
        for (int i = 1; i <= 12; i++) {
            assertThat(Files.readAllBytes(FramePattern.file(parts, i)))
                    .as("frame %d", i).isEqualTo(Files.readAllBytes(FramePattern.file(whole, i)));
        }
    }

    @Test
    void mp4OutputIsNotWrittenUntilTheEnd() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 10, 24, true);
        Path output = dir.resolve("out.mp4");
        assertThatThrownBy(() -> VideoStylizer.run(input.toString(), output.toString(), new CountingNetwork(5),
                VideoSettings.defaults(), p -> { })).hasMessageContaining("interrupted");
        assertThat(names(dir)).containsExactlyInAnyOrder("pan.mp4", ".out.mp4.atelier-video");
        VideoStylizer.Result r = VideoStylizer.run(input.toString(), output.toString(),
                new CountingNetwork(Integer.MAX_VALUE), VideoSettings.defaults().withResume(true), p -> { });
        assertThat(r.frames()).isEqualTo(10);
        assertThat(r.resumed()).isEqualTo(4);
        assertThat(VideoRoundTripTest.count(output).pictures()).isEqualTo(10);
        assertThat(names(dir)).containsExactlyInAnyOrder("pan.mp4", "out.mp4");
    }

    @Test
    void resumeWithOtherSettingsIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        String input = TestClips.panFrames(dir.resolve("in"), 64, 40, 2, 6);
        String out = dir.resolve("o.gif").toString();
        assertThatThrownBy(() -> VideoStylizer.run(input, out, new CountingNetwork(3), VideoSettings.defaults(),
                p -> { })).hasMessageContaining("interrupted");
        assertThatThrownBy(() -> VideoStylizer.run(input, out, new CountingNetwork(99),
                VideoSettings.defaults().withStrength(0.2).withResume(true), p -> { }))
                .isInstanceOf(VideoException.class).hasMessageContaining("had other settings");
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Wave, failing on call {@code failAt} as a killed run would stop there. */
    static final class CountingNetwork implements StyleNetwork {
        private final StyleNetwork inner = wave;
        private final int failAt;
        int calls;

        CountingNetwork(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public BufferedImage apply(BufferedImage photo) {
            if (++calls >= failAt) {
                throw new IllegalStateException("interrupted");
            }
            return inner.apply(photo);
        }

        @Override
        public void close() {
        }
    }
}
