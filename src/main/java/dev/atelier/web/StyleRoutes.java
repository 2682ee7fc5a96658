package dev.atelier.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The gallery endpoints: the list of styles and their thumbnails. */
final class StyleRoutes {

    /** A gallery entry as the API shows it. */
    record StyleView(String name, int width, int height, String thumbnailUrl) {}

    private final StyleGallery gallery;

    StyleRoutes(StyleGallery gallery) {
        this.gallery = gallery;
    }

    /** {@code GET /api/styles}. */
    void list(Context ctx) {
        List<StyleView> views = gallery.list().stream().map(s -> new StyleView(s.name(), s.width(), s.height(),
                "/api/styles/thumbnail?name=" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8)
                        + "&v=" + s.modified().toMillis())).toList();
        ctx.header("Cache-Control", "no-store").json(views);
    }

    /** {@code GET /api/styles/thumbnail?name=NAME}: a PNG at most {@value StyleGallery#THUMBNAIL_SIDE} px. */
    void thumbnail(Context ctx) {
        String name = ctx.queryParam("name");
        StyleGallery.Style style = gallery.find(name == null ? "" : name)
                .orElseThrow(() -> ApiException.notFound("There is no such style in the gallery."));
        // Cached for long: the listing's URL for it changes with the file.
        ctx.header("Cache-Control", "max-age=86400").contentType("image/png").result(gallery.thumbnail(style));
    }
}
