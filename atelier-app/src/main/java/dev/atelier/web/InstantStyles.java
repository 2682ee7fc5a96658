package dev.atelier.web;

import dev.atelier.image.ImageResizer;
import dev.atelier.instant.StyleNetwork;
import dev.atelier.instant.StyleNetworks;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instant styles a server offers beside its paintings: trained style networks by name. Each is loaded on first
 * use and kept for the server's lifetime (a network is thread-safe, so thumbnails and jobs share it).
 */
public final class InstantStyles implements AutoCloseable {

    /** Gallery names of instant styles start with this, so they never meet a painting's file name. */
    static final String PREFIX = "instant:";

    private final Map<String, Path> paths;
    private final Map<String, StyleNetwork> loaded = new ConcurrentHashMap<>();
    private final Map<String, byte[]> thumbnails = new ConcurrentHashMap<>();

    private InstantStyles(Map<String, Path> paths) {
        this.paths = paths;
    }

    /** Styles by name; each path is what {@link StyleNetworks#open} reads (a checkpoint folder or a network file). */
    public static InstantStyles of(Map<String, Path> paths) {
        return new InstantStyles(Collections.unmodifiableMap(new LinkedHashMap<>(paths)));
    }

    public static InstantStyles none() {
        return of(Map.of());
    }

    List<String> names() {
        return new ArrayList<>(paths.keySet());
    }

    boolean has(String name) {
        return paths.containsKey(name);
    }

    /** The network, loaded now if it was not yet. */
    StyleNetwork network(String name) {
        Path path = paths.get(name);
        if (path == null) {
            throw new IllegalArgumentException("no instant style " + name);
        }
        return loaded.computeIfAbsent(name, n -> StyleNetworks.open(path));
    }

    /** The network's picture of a small made-up landscape, as a PNG, made once. */
    byte[] thumbnail(String name) {
        return thumbnails.computeIfAbsent(name, n -> PngBytes.of(network(n).apply(sample())));
    }

    /** Sky, sun, hills and a lake: shapes and gradients enough to show a style's strokes and palette. */
    private static BufferedImage sample() {
        int side = 320;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(70, 120, 200), 0, 200,
                new java.awt.Color(250, 200, 150)));
        g.fillRect(0, 0, side, 210);
        g.setColor(new java.awt.Color(255, 230, 120));
        g.fillOval(200, 50, 70, 70);
        g.setColor(new java.awt.Color(60, 120, 60));
        g.fillOval(-80, 150, 300, 160);
        g.setColor(new java.awt.Color(40, 90, 50));
        g.fillOval(120, 170, 300, 140);
        g.setPaint(new java.awt.GradientPaint(0, 230, new java.awt.Color(40, 80, 140), 0, side,
                new java.awt.Color(120, 170, 210)));
        g.fillRect(0, 240, side, side - 240);
        g.setColor(new java.awt.Color(140, 60, 40));
        g.fillRect(40, 200, 50, 45);
        g.setColor(new java.awt.Color(200, 40, 40));
        g.fillPolygon(new int[] {30, 65, 100}, new int[] {200, 170, 200}, 3);
        g.dispose();
        return ImageResizer.resize(img, 160, 160);
    }

    @Override
    public void close() {
        loaded.values().forEach(StyleNetwork::close);
        loaded.clear();
    }
}
