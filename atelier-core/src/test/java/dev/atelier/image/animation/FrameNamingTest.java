package dev.atelier.image.animation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrameNamingTest {

    @Test
    void insertsTheZeroPaddedIterationBeforeTheExtension() {
        assertThat(FrameNaming.pathFor(Path.of("out.png"), 50)).isEqualTo(Path.of("out_0050.png"));
        assertThat(FrameNaming.pathFor(Path.of("out.png"), 0)).isEqualTo(Path.of("out_0000.png"));
        assertThat(FrameNaming.pathFor(Path.of("runs", "a", "out.jpg"), 7)).isEqualTo(Path.of("runs", "a",
                "out_0007.jpg"));
        assertThat(FrameNaming.pathFor(Path.of("/tmp/x/out.JPEG"), 9999)).isEqualTo(Path.of("/tmp/x/out_9999.JPEG"));
    }

    @Test
    void usesMoreDigitsWhenNeeded() {
        assertThat(FrameNaming.pathFor(Path.of("out.png"), 12345)).isEqualTo(Path.of("out_12345.png"));
        assertThat(FrameNaming.pathFor(Path.of("out.png"), Integer.MAX_VALUE))
                .isEqualTo(Path.of("out_2147483647.png"));
    }

    @Test
    void onlyTheLastDotStartsTheExtension() {
        assertThat(FrameNaming.pathFor(Path.of("my.photo.png"), 20)).isEqualTo(Path.of("my.photo_0020.png"));
        assertThat(FrameNaming.pathFor(Path.of("dir.d", "out"), 20)).isEqualTo(Path.of("dir.d", "out_0020"));
        assertThat(FrameNaming.pathFor(Path.of(".hidden"), 20)).isEqualTo(Path.of(".hidden_0020"));
        assertThat(FrameNaming.pathFor(Path.of(".out.png"), 20)).isEqualTo(Path.of(".out_0020.png"));
    }

    @Test
    void rejectsNegativeIterationsAndPathsWithoutAName() {
        assertThatThrownBy(() -> FrameNaming.pathFor(Path.of("out.png"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> FrameNaming.pathFor(Path.of("/"), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
