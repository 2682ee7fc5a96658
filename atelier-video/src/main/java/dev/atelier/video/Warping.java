package dev.atelier.video;

/**
 * Backward warping and the forward–backward reliability test of Ruder et al. (2016), on packed RGB pixels
 * ({@code 0xRRGGBB} ints, row-major) in plain Java: at 512×288 a warp is a few milliseconds, far below a network's
 * forward pass, so moving it to the tensor engine would not pay for the copies.
 */
public final class Warping {

    private Warping() {
    }

    /**
     * The previous frame's pixels brought to the current frame: {@code out(x) = previous(x + back(x))}, bilinear;
     * pixels whose source lies outside the frame take the nearest edge pixel (the reliability mask drops them).
     *
     * @param back flow from the current frame to the previous one
     * @return RGB as floats, 3 per pixel
     */
    public static float[] warp(int[] previous, FlowField back) {
        int w = back.width();
        int h = back.height();
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                sample(previous, w, h, x + back.u()[i], y + back.v()[i], out, i * 3);
            }
        }
        return out;
    }

    private static void sample(int[] rgb, int w, int h, float fx, float fy, float[] out, int at) {
        fx = Math.max(0, Math.min(w - 1, fx));
        fy = Math.max(0, Math.min(h - 1, fy));
        int x0 = Math.min((int) fx, w - 2 < 0 ? 0 : w - 2);
        int y0 = Math.min((int) fy, h - 2 < 0 ? 0 : h - 2);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        float ax = fx - x0;
        float ay = fy - y0;
        int p00 = rgb[y0 * w + x0];
        int p01 = rgb[y0 * w + x1];
        int p10 = rgb[y1 * w + x0];
        int p11 = rgb[y1 * w + x1];
        for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
            float top = ((p00 >> shift) & 255) * (1 - ax) + ((p01 >> shift) & 255) * ax;
            float bottom = ((p10 >> shift) & 255) * (1 - ax) + ((p11 >> shift) & 255) * ax;
            out[at + c] = top * (1 - ay) + bottom * ay;
        }
    }

    private static float bilinear(float[] a, int w, int h, float fx, float fy) {
        int x0 = Math.min((int) fx, Math.max(0, w - 2));
        int y0 = Math.min((int) fy, Math.max(0, h - 2));
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        float ax = fx - x0;
        float ay = fy - y0;
        float top = a[y0 * w + x0] * (1 - ax) + a[y0 * w + x1] * ax;
        float bottom = a[y1 * w + x0] * (1 - ax) + a[y1 * w + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    /**
     * Where the backward flow can be trusted (1) and where not (0), after Ruder et al. (2016): the pixel's source
     * must be inside the previous frame; following the backward flow and then the forward flow must come back
     * (|f̃ + b|² ≤ 0.01(|f̃|² + |b|²) + 0.5, else the pixel was occluded); and it must not lie on a motion
     * boundary (|∇b_x|² + |∇b_y|² ≤ 0.01|b|² + 0.002).
     *
     * @param forward flow from the previous frame to the current one
     * @param back    flow from the current frame to the previous one
     */
    public static float[] reliability(FlowField forward, FlowField back) {
        int w = back.width();
        int h = back.height();
        float[] mask = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float bu = back.u()[i];
                float bv = back.v()[i];
                float sx = x + bu;
                float sy = y + bv;
                if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
                    continue;
                }
                float fu = bilinear(forward.u(), w, h, sx, sy);
                float fv = bilinear(forward.v(), w, h, sx, sy);
                float du = fu + bu;
                float dv = fv + bv;
                if (du * du + dv * dv > 0.01f * (fu * fu + fv * fv + bu * bu + bv * bv) + 0.5f) {
                    continue;
                }
                if (gradientSquared(back, x, y) > 0.01f * (bu * bu + bv * bv) + 0.002f) {
                    continue;
                }
                mask[i] = 1;
            }
        }
        return mask;
    }

    private static float gradientSquared(FlowField f, int x, int y) {
        int w = f.width();
        int h = f.height();
        int i = y * w + x;
        int right = x + 1 < w ? i + 1 : i;
        int down = y + 1 < h ? i + w : i;
        float ux = f.u()[right] - f.u()[i];
        float uy = f.u()[down] - f.u()[i];
        float vx = f.v()[right] - f.v()[i];
        float vy = f.v()[down] - f.v()[i];
        return ux * ux + uy * uy + vx * vx + vy * vy;
    }
}
