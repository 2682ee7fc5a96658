package dev.atelier.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads the form of {@code POST /api/jobs} into a {@link JobRequest}, in two steps (receive, then decode):
 * {@code content} (a file), {@code style} (a file) or {@code styleName} (a gallery name), and optionally
 * {@code strength} (0..100) and {@code size} (the output's longest side).
 */
final class JobForm {

    /** Decoded inputs are kept at most this many times the output's side: enough for a clean resize, no more. */
    private static final int KEEP_FACTOR = 2;

    private final ServerSettings settings;
    private final UploadDecoder decoder;
    private final StyleGallery gallery;
    private final InstantStyles instant;

    JobForm(ServerSettings settings, UploadDecoder decoder, StyleGallery gallery) {
        this(settings, decoder, gallery, InstantStyles.none());
    }

    JobForm(ServerSettings settings, UploadDecoder decoder, StyleGallery gallery, InstantStyles instant) {
        this.settings = settings;
        this.decoder = decoder;
        this.gallery = gallery;
        this.instant = instant;
    }

    /** What the form holds, read and checked but not yet decoded. */
    record Received(byte[] photo, byte[] styleFile, String styleName, int size, double strength) {}

    /** Reads the whole form (so that any answer reaches the client) and checks everything but the images. */
    Received receive(Context ctx) {
        UploadedFile content = file(ctx, "content", "photo");
        UploadedFile styleFile = file(ctx, "style", "style");
        String styleName = ctx.formParam("styleName");
        if (content == null) {
            throw ApiException.badRequest("Choose a photo to paint.");
        }
        if (styleFile == null && (styleName == null || styleName.isBlank())) {
            throw ApiException.badRequest("Choose a style: upload a painting or pick one from the gallery.");
        }
        int size = size(ctx.formParam("size"));
        double strength = strength(ctx.formParam("strength"));
        return new Received(bytes(content, "photo"), styleFile == null ? null : bytes(styleFile, "style"),
                styleName, size, strength);
    }

    /** Decodes the images, refusing what is not an image or too large. */
    JobRequest decode(Received form) {
        int keep = form.size() * KEEP_FACTOR;
        BufferedImage photo = decoder.decode(form.photo(), "photo", keep);
        if (form.styleFile() != null) {
            return new JobRequest(photo, decoder.decode(form.styleFile(), "style", keep), "upload", form.size(),
                    form.strength());
        }
        if (form.styleName().startsWith(InstantStyles.PREFIX)) {
            String name = form.styleName().substring(InstantStyles.PREFIX.length());
            if (!instant.has(name)) {
                throw ApiException.badRequest("There is no instant style called \"" + shorten(name) + "\" here.");
            }
            return new JobRequest(photo, null, form.styleName(), form.size(), form.strength(), name);
        }
        StyleGallery.Style chosen = gallery.find(form.styleName()).orElseThrow(() -> ApiException.badRequest(
                "There is no style called \"" + shorten(form.styleName()) + "\" in the gallery."));
        return new JobRequest(photo, gallery.read(chosen, keep), chosen.name(), form.size(), form.strength());
    }

    private int size(String text) {
        int min = ServerSettings.MIN_OUTPUT_SIDE;
        int max = settings.maxOutputSide();
        if (text == null || text.isBlank()) {
            return settings.defaultOutputSide();
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= min && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("The size must be a whole number of pixels from " + min + " to " + max + ".");
    }

    private static double strength(String text) {
        if (text == null || text.isBlank()) {
            return StrengthMapping.DEFAULT;
        }
        try {
            double s = Double.parseDouble(text.trim());
            if (s >= 0 && s <= 100) {
                return s;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("The strength must be a number from 0 to 100.");
    }

    /** The named file part, or null; a part over the size limit is refused here. */
    private UploadedFile file(Context ctx, String part, String role) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile(part);
        } catch (RuntimeException e) {
            throw unreadableForm(e);
        }
        if (file == null) {
            return null;
        }
        if (file.size() > settings.maxUploadBytes()) {
            throw tooLarge(role, file.size());
        }
        if (file.size() == 0) {
            throw ApiException.badRequest("The " + role + " file is empty.");
        }
        return file;
    }

    private byte[] bytes(UploadedFile file, String role) {
        try (InputStream in = file.content()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxUploadBytes() + 1));
            if (data.length > settings.maxUploadBytes()) {
                throw tooLarge(role, data.length);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiException tooLarge(String role, long bytes) {
        return ApiException.tooLarge(String.format(Locale.ROOT, "The %s file is %s; the limit is %s.", role,
                megabytes(bytes), megabytes(settings.maxUploadBytes())));
    }

    /** Jetty refuses a part over its limit, or a body that is not a form, with an exception. */
    private ApiException unreadableForm(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("exceeds") || m.contains("too large") || m.contains("max")) {
            return ApiException.tooLarge("The upload is larger than the limit of "
                    + megabytes(settings.maxUploadBytes()) + " per image.");
        }
        return ApiException.badRequest("The upload is not a form with a photo and a style (multipart/form-data).");
    }

    static String megabytes(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return mb >= 10 || mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb)
                : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "");
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
