package dev.atelier.instant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.atelier.network.Layouts;

/**
 * The differentiable building blocks of both style-network families, on NCHW tensors. Every result attaches to
 * the manager of the activation passed in (never to the parameters'), so a caller's per-forward manager owns it.
 */
final class Layers {

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape NO_PAD = new Shape(0, 0);

    private Layers() {}

    /**
     * A convolution without padding; {@code bias} may be null. A layer whose output channels are not a multiple of
     * 16 (the RGB output layers) runs on a channels-last copy of its input: in the default NCHW layout oneDNN pads
     * such an output to 16 channels in a blocked layout and, in the backward pass, reads the padding of the incoming
     * gradient without it being cleared; where the allocator hands back memory that held NaNs, NaN × 0 made the whole
     * gradient NaN (training runs failing at random steps, issue 14). Channels-last layouts are not padded. Measured
     * also 3-4% faster on a 128 px batch-4 forward and backward of TransformerNet; the whole network in channels-last
     * was 25% slower.
     */
    static NDArray conv(NDArray x, NDArray kernel, NDArray bias, int stride) {
        Shape s = stride == 1 ? ONE : new Shape(stride, stride);
        if (kernel.getShape().get(0) % 16 != 0) {
            // The bias is added apart: oneDNN's channels-last bias gradient differed in the last bit between a run
            // and the same run resumed from a checkpoint (TrainResumeTest); PyTorch's sum does not.
            NDArray out;
            try (NDArray nhwc = Layouts.channelsLast(x)) {
                out = Conv2d.conv2d(nhwc, kernel, null, s, NO_PAD, ONE, 1).singletonOrThrow();
            }
            if (bias == null) {
                return out;
            }
            try (out; NDArray column = bias.reshape(1, bias.getShape().get(0), 1, 1)) {
                return out.add(column);
            }
        }
        return Conv2d.conv2d(x, kernel, bias, s, NO_PAD, ONE, 1).singletonOrThrow();
    }

    /** A convolution with symmetric zero padding {@code pad} on every side. */
    static NDArray convZeroPadded(NDArray x, NDArray kernel, int stride, int pad) {
        Shape s = stride == 1 ? ONE : new Shape(stride, stride);
        return Conv2d.conv2d(x, kernel, null, s, new Shape(pad, pad), ONE, 1).singletonOrThrow();
    }

    /** Zero padding per side, in the order (left, right, top, bottom). */
    static NDArray zeroPad(NDArray x, int left, int right, int top, int bottom) {
        return x.pad(new Shape(left, right, top, bottom), 0);
    }

    /**
     * Reflection padding of {@code p} on every side (PyTorch's {@code F.pad(mode="reflect")}); needs sides > p. DJL
     * has no native reflection pad, so it is one gather over each image's flattened H×W with a broadcast (stride-0)
     * index, whose backward pass is one scatter-add. Measured on the padding of a 128 px batch-4 TransformerNet
     * step, forward and backward: 56 ms, against 100-117 ms for slices and flips joined by concatenation (whose
     * backward zero-fills and adds full-size gradients) and 30 ms for a native zero pad.
     */
    static NDArray reflectPad(NDArray x, int p) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        long paddedH = h + 2L * p;
        long paddedW = w + 2L * p;
        long[] rowStarts = new long[Math.toIntExact(paddedH)];
        for (int i = 0; i < paddedH; i++) {
            rowStarts[i] = mirror(i - p, h) * w;
        }
        long[] columns = new long[Math.toIntExact(paddedW)];
        for (int j = 0; j < paddedW; j++) {
            columns[j] = mirror(j - p, w);
        }
        // The engine adds the two into the (H+2p)×(W+2p) index: Java builds only the sides, and the index the graph
        // keeps for the backward pass lives in memory the engine owns, not in a Java buffer that create() wraps and
        // that may be collected before then (as loss.Scalars explains).
        NDManager m = x.getManager();
        try (NDArray starts = m.create(rowStarts, new Shape(paddedH, 1));
             NDArray offsets = m.create(columns, new Shape(1, paddedW));
             NDArray index = starts.add(offsets);
             NDArray flatIndex = index.reshape(1, 1, paddedH * paddedW);
             NDArray indices = flatIndex.broadcast(n, c, paddedH * paddedW);
             NDArray flat = x.reshape(n, c, h * w);
             NDArray gathered = flat.gather(indices, 2)) {
            return gathered.reshape(n, c, paddedH, paddedW);
        }
    }

    /** Where position {@code i} of a reflection-padded side of length {@code n} reads from (-1 reads 1, n reads n-2). */
    private static long mirror(long i, long n) {
        long j = Math.abs(i);
        return j >= n ? 2 * (n - 1) - j : j;
    }

    /**
     * Instance normalisation with a per-channel affine: biased variance over each image's H×W, as PyTorch's
     * {@code instance_norm} computes it (batch norm in training mode over a 1×(N·C)×H×W view).
     */
    static NDArray instanceNorm(NDArray x, NDArray scale, NDArray shift, float eps) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        NDManager m = x.getManager();
        try (NDArray runningMean = m.zeros(new Shape(n * c));
             NDArray runningVar = m.ones(new Shape(n * c))) {
            if (n == 1) {
                return x.getNDArrayInternal().batchNorm(x, runningMean, runningVar, scale, shift, -1, 0f, eps, true)
                        .singletonOrThrow();
            }
            try (NDArray flat = x.reshape(1, n * c, s.get(2), s.get(3));
                 NDArray scales = scale.tile(n);
                 NDArray shifts = shift.tile(n);
                 NDArray normed = flat.getNDArrayInternal().batchNorm(flat, runningMean, runningVar, scales, shifts,
                         -1, 0f, eps, true).singletonOrThrow()) {
                return normed.reshape(s);
            }
        }
    }

    /**
     * Nearest-neighbour upsampling by 2 on both sides: PyTorch's {@code upsample_nearest2d} (also in the backward
     * pass: a reshape-and-broadcast formulation cost 32 ms of a 128 px batch-4 training step in its sum).
     */
    static NDArray upsample2(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, 0, false);
    }

    /**
     * A 3×3 stride-2 transposed convolution cropped to 2H×2W (TensorFlow's 'SAME'), as four small convolutions, one
     * per output phase (DJL's PyTorch engine has no transposed convolution; this is also what it costs natively).
     * Output row 2m takes x[m]·w[0] + x[m-1]·w[2], row 2m+1 takes x[m]·w[1]; columns alike. {@code phases} are the
     * kernels of phases (even, even), (even, odd), (odd, even), (odd, odd), of sizes 2×2, 2×1, 1×2, 1×1, made by
     * {@link #phaseKernels}.
     */
    static NDArray transposedConvSame(NDArray x, NDArray[] phases) {
        Shape s = x.getShape();
        long h = s.get(2);
        long w = s.get(3);
        try (NDArray padded = zeroPad(x, 1, 0, 1, 0);
             NDArray top = padded.get(new NDIndex(":, :, 1:, :"));
             NDArray left = padded.get(new NDIndex(":, :, :, 1:"));
             NDArray ee = conv(padded, phases[0], null, 1);
             NDArray eo = conv(left, phases[1], null, 1);
             NDArray oe = conv(top, phases[2], null, 1);
             NDArray oo = conv(x, phases[3], null, 1);
             NDArray even = NDArrays.stack(new ai.djl.ndarray.NDList(ee, eo), 4);
             NDArray odd = NDArrays.stack(new ai.djl.ndarray.NDList(oe, oo), 4);
             NDArray both = NDArrays.stack(new ai.djl.ndarray.NDList(even, odd), 3)) {
            return both.reshape(s.get(0), ee.getShape().get(1), 2 * h, 2 * w);
        }
    }

    /**
     * The four phase kernels ([out, in, kh, kw]) of a 3×3 transposed-convolution kernel stored as
     * {@code [kh, kw, out, in]} (TensorFlow's layout), for {@link #transposedConvSame}.
     */
    static float[][] phaseKernels(float[] w, int out, int in) {
        int[] even = {2, 0};
        int[] odd = {1};
        int[][][] taps = {{even, even}, {even, odd}, {odd, even}, {odd, odd}};
        float[][] kernels = new float[4][];
        for (int p = 0; p < 4; p++) {
            int[] rows = taps[p][0];
            int[] cols = taps[p][1];
            float[] k = new float[out * in * rows.length * cols.length];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    for (int r = 0; r < rows.length; r++) {
                        for (int c = 0; c < cols.length; c++) {
                            k[((o * in + i) * rows.length + r) * cols.length + c] =
                                    w[((rows[r] * 3 + cols[c]) * out + o) * in + i];
                        }
                    }
                }
            }
            kernels[p] = k;
        }
        return kernels;
    }

    static Shape phaseShape(int phase, int out, int in) {
        return new Shape(out, in, phase < 2 ? 2 : 1, phase % 2 == 0 ? 2 : 1);
    }

    /** ReLU that frees its input. */
    static NDArray reluClosing(NDArray x) {
        try (x) {
            return ai.djl.nn.Activation.relu(x);
        }
    }
}
