package dev.atelier.video;

import java.nio.file.Path;
import java.util.Locale;

/** What an output path asks for, from its extension (or its {@code %d} field, for numbered frames). */
public enum OutputKind {
    /** H.264 (the bundled OpenH264 encoder) with AAC sound, in MP4, MOV or Matroska. */
    H264("mp4/mov/mkv", true),
    /** VP9 with Opus sound. */
    WEBM("webm", true),
    /** An animated GIF (no sound; 256 colours, ordered dithering). */
    GIF("gif", false),
    /** Numbered PNG or JPEG frames, e.g. {@code frames/%05d.png} (no sound). */
    FRAMES("%05d.png/.jpg", false);

    private final String description;
    private final boolean sound;

    OutputKind(String description, boolean sound) {
        this.description = description;
        this.sound = sound;
    }

    public boolean keepsSound() {
        return sound;
    }

    /** Needs even frame sides (4:2:0 chroma). */
    public boolean needsEvenSides() {
        return this == H264 || this == WEBM;
    }

    /** The kind for {@code output}; throws with a one-line message for anything else. */
    public static OutputKind of(String output) {
        String name = Path.of(output).getFileName() == null ? output : Path.of(output).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (FramePattern.isPattern(output)) {
            if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
                return FRAMES;
            }
            throw new VideoException("Cannot write " + output + ": numbered frames must end in .png or .jpg");
        }
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "mp4", "m4v", "mov", "mkv" -> H264;
            case "webm" -> WEBM;
            case "gif" -> GIF;
            default -> throw new VideoException("Cannot write " + output + ": unknown video type "
                    + (ext.isEmpty() ? "(no extension)" : "'." + ext + "'")
                    + "; use .mp4, .mov, .mkv, .webm, .gif or numbered frames such as frames/%05d.png");
        };
    }

    String formatName(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        if (this == WEBM) {
            return "webm";
        }
        if (lower.endsWith(".mkv")) {
            return "matroska";
        }
        return lower.endsWith(".mov") ? "mov" : "mp4";
    }

    @Override
    public String toString() {
        return description;
    }
}
