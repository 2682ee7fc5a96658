package dev.atelier.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The gallery endpoints: the list of styles and their thumbnails. */
final class StyleRoutes {

    /** A gallery entry as the API shows it. */
    record StyleView(String name, int width, int height, String thumbnailUrl, String kind) {}

    private final StyleGallery gallery;
    private final InstantStyles instant;

    StyleRoutes(StyleGallery gallery, InstantStyles instant) {
        this.gallery = gallery;
        this.instant = instant;
    }

    /** {@code GET /api/styles}. */
    void list(Context ctx) {
        List<StyleView> views = gallery.list().stream().map(s -> new StyleView(s.name(), s.width(), s.height(),
                "/api/styles/thumbnail?name=" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8)
                        + "&v=" + s.modified().toMillis(), "painting")).toList();
        List<StyleView> all = new java.util.ArrayList<>(views);
        for (String name : instant.names()) {
            String id = InstantStyles.PREFIX + name;
            all.add(new StyleView(id, 0, 0, "/api/styles/thumbnail?name=" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                    "instant"));
        }
        ctx.header("Cache-Control", "no-store").json(all);
    }

    /** {@code GET /api/styles/thumbnail?name=NAME}: a PNG at most {@value StyleGallery#THUMBNAIL_SIDE} px. */
    void thumbnail(Context ctx) {
        String name = ctx.queryParam("name");
        if (name != null && name.startsWith(InstantStyles.PREFIX)) {
            String style = name.substring(InstantStyles.PREFIX.length());
            if (!instant.has(style)) {
                throw ApiException.notFound("There is no such style in the gallery.");
            }
            ctx.header("Cache-Control", "max-age=86400").contentType("image/png").result(instant.thumbnail(style));
            return;
        }
        StyleGallery.Style style = gallery.find(name == null ? "" : name)
                .orElseThrow(() -> ApiException.notFound("There is no such style in the gallery."));
        // Cached for long: the listing's URL for it changes with the file.
        ctx.header("Cache-Control", "max-age=86400").contentType("image/png").result(gallery.thumbnail(style));
    }
}
