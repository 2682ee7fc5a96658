package dev.atelier.video;

/**
 * A dense displacement field: pixel (x, y) of one frame is at (x + u, y + v) in the other. Row-major arrays.
 */
public record FlowField(int width, int height, float[] u, float[] v) {

    public FlowField {
        if (u.length != width * height || v.length != width * height) {
            throw new IllegalArgumentException("flow arrays do not match " + width + "x" + height);
        }
    }

    /** The same displacement (dx, dy) everywhere: the true flow of a pan. */
    public static FlowField uniform(int width, int height, float dx, float dy) {
        float[] u = new float[width * height];
        float[] v = new float[width * height];
        java.util.Arrays.fill(u, dx);
        java.util.Arrays.fill(v, dy);
        return new FlowField(width, height, u, v);
    }
}
