package dev.atelier.video;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Dense optical flow between two frames with OpenCV's DIS (Kroeger et al. 2016) through bytedeco's natives, on the
 * frames' luma. One instance holds its native buffers; not thread-safe.
 */
public final class OpticalFlow implements AutoCloseable {

    private final DISOpticalFlow dis;
    private Mat first;
    private Mat second;
    private final Mat flow = new Mat();
    private byte[] luma;

    /** DIS with OpenCV's medium preset (measured: see the README's video section). */
    public OpticalFlow() {
        this(DISOpticalFlow.PRESET_MEDIUM);
    }

    /** DIS with one of {@code DISOpticalFlow.PRESET_ULTRAFAST, PRESET_FAST, PRESET_MEDIUM}. */
    public OpticalFlow(int preset) {
        this.dis = DISOpticalFlow.create(preset);
    }

    /** Flow from {@code from} to {@code to}: pixel (x, y) of {@code from} is at (x + u, y + v) in {@code to}. */
    public FlowField between(BufferedImage from, BufferedImage to) {
        int w = from.getWidth();
        int h = from.getHeight();
        if (to.getWidth() != w || to.getHeight() != h) {
            throw new IllegalArgumentException("frames differ in size");
        }
        if (first == null || first.cols() != w || first.rows() != h) {
            first = new Mat(h, w, opencv_core.CV_8UC1);
            second = new Mat(h, w, opencv_core.CV_8UC1);
            luma = new byte[w * h];
        }
        load(from, first);
        load(to, second);
        dis.calc(first, second, flow);
        FloatBuffer data = flow.createBuffer();
        float[] u = new float[w * h];
        float[] v = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            u[i] = data.get(2 * i);
            v[i] = data.get(2 * i + 1);
        }
        return new FlowField(w, h, u, v);
    }

    private void load(BufferedImage image, Mat into) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            // BT.601 luma, as OpenCV's own RGB-to-grey conversion
            luma[i] = (byte) ((((p >> 16) & 255) * 4899 + ((p >> 8) & 255) * 9617 + (p & 255) * 1868 + 8192) >> 14);
        }
        into.data().put(luma);
    }

    @Override
    public void close() {
        dis.close();
        flow.close();
        if (first != null) {
            first.close();
            second.close();
        }
    }
}
