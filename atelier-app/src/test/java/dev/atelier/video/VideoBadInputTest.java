package dev.atelier.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.CliRun;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's check 5: each bad input gets one clear line and a non-zero exit, and leaves no output behind. */
class VideoBadInputTest {

    @TempDir
    Path dir;
    Path out;

    @BeforeEach
    void outputFolder() throws Exception {
        out = Files.createDirectories(dir.resolve("out"));
    }

    @Test
    void notAVideo() throws Exception {
        Path input = Files.writeString(dir.resolve("notes.mp4"), "these are not frames\n".repeat(50));
        expectOneLine(run(input, "o.mp4"), "Cannot read video " + input + ": not a video FFmpeg can read");
    }

    @Test
    void truncatedFile() throws Exception {
        Path whole = TestClips.panVideo(dir.resolve("whole.mp4"), 64, 48, 2, 20, 24, false);
        byte[] bytes = Files.readAllBytes(whole);
        Path input = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        expectOneLine(run(input, "o.mp4"), "Cannot read video " + input + ": not a video FFmpeg can read "
                + "(damaged, truncated or not a video at all)");
    }

    @Test
    void truncatedFileWithItsIndexFirst() throws Exception {
        Path whole = TestClips.panVideo(dir.resolve("whole.mp4"), 64, 48, 2, 20, 24, true, true);
        byte[] bytes = Files.readAllBytes(whole);
        Path input = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        expectOneLine(run(input, "o.mp4"), "Cannot read video " + input + ": truncated (its index reaches byte "
                + bytes.length + ", the file ends at byte " + bytes.length * 2 / 3 + ")");
    }

    @Test
    void wholeFastStartFileIsRead() throws Exception {
        Path whole = TestClips.panVideo(dir.resolve("whole.mp4"), 64, 48, 2, 6, 24, true, true);
        try (FrameSource source = FrameSource.open(whole.toString(), 25, 0, 0)) {
            int pictures = 0;
            for (FrameSource.Item item = source.next(); item != null; item = source.next()) {
                pictures += item instanceof FrameSource.Picture ? 1 : 0;
            }
            assertThat(pictures).isEqualTo(6);
        }
    }

    @Test
    void noVideoStream() throws Exception {
        Path input = dir.resolve("tone.m4a");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(input.toFile(), 1)) {
            r.setFormat("mp4");
            r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            r.setSampleRate(44_100);
            r.start();
            r.recordSamples(44_100, 1, ShortBuffer.wrap(new short[44_100]));
            r.stop();
        }
        expectOneLine(run(input, "o.mp4"), "Cannot read video " + input + ": no video stream (audio only)");
    }

    @Test
    void zeroFrames() throws Exception {
        Path input = dir.resolve("empty.mp4");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(input.toFile(), 64, 48, 0)) {
            r.setFormat("mp4");
            r.setVideoCodecName("libopenh264");
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(24);
            r.start();
            r.stop();
        }
        expectOneLine(run(input, "o.mp4"), "Cannot read video " + input + ": no frames");
    }

    @Test
    void noFramesInTheWindow() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 5, 24, false);
        CliRun r = CliRun.of("video", "--input", input.toString(), "--weights", dir.resolve("none").toString(),
                "--output", out.resolve("o.mp4").toString(), "--start", "30");
        expectOneLine(r, "Cannot read video " + input + ": no frames after 30.0 s (the clip is shorter)");
    }

    @Test
    void unknownOutputExtension() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 5, 24, false);
        expectOneLine(run(input, "o.xyz"), "Cannot write " + out.resolve("o.xyz") + ": unknown video type '.xyz'");
    }

    @Test
    void unwritableOutput() throws Exception {
        Path input = TestClips.panVideo(dir.resolve("pan.mp4"), 64, 48, 2, 5, 24, false);
        Path notADirectory = Files.writeString(out.resolve("file"), "x");
        CliRun r = CliRun.of("video", "--input", input.toString(), "--weights", dir.resolve("none").toString(),
                "--output", notADirectory.resolve("o.mp4").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("atelier: Cannot write " + notADirectory.resolve("o.mp4"))
                .contains("is not a directory");
        assertThat(list(out)).containsExactly("file");
    }

    private CliRun run(Path input, String output) {
        return CliRun.of("video", "--input", input.toString(), "--weights", dir.resolve("none").toString(),
                "--output", out.resolve(output).toString(), "--quiet");
    }

    private void expectOneLine(CliRun r, String start) throws Exception {
        System.out.println(r.err().trim());
        assertThat(r.exitCode()).as(r.err()).isNotZero();
        List<String> lines = r.errLines();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("atelier: " + start);
        assertThat(list(out)).as("nothing written").isEmpty();
    }

    private static List<String> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
