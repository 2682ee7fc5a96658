package dev.atelier.weights;

import java.util.Arrays;

/**
 * A tensor as PyTorch stores it: a view into a flat storage, from an element offset, with a size and a stride per
 * dimension. Knows which part of the storage it covers and how to copy itself out in row-major order.
 */
record StridedTensor(long offset, long[] size, long[] stride) {

    /** Java arrays cannot be longer than this. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 16;

    StridedTensor {
        size = size.clone();
        stride = stride.clone();
    }

    static StridedTensor contiguous(long[] size) {
        long[] stride = new long[size.length];
        long step = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            stride[d] = step;
            step *= Math.max(1, size[d]);
        }
        return new StridedTensor(0, size, stride);
    }

    /** Checks the view's shape; returns a one-line problem or null. */
    String problem() {
        if (size.length != stride.length) {
            return "has " + size.length + " sizes but " + stride.length + " strides";
        }
        if (offset < 0) {
            return "has a negative storage offset " + offset;
        }
        for (int d = 0; d < size.length; d++) {
            if (size[d] < 0 || stride[d] < 0) {
                return "has a negative size or stride (size " + Arrays.toString(size) + ", stride "
                        + Arrays.toString(stride) + ")";
            }
        }
        try {
            if (elements() > MAX_ELEMENTS || span() > MAX_ELEMENTS) {
                return "is too large (" + Arrays.toString(size) + ")";
            }
        } catch (ArithmeticException e) {
            return "is too large (" + Arrays.toString(size) + ")";
        }
        return null;
    }

    long elements() {
        long n = 1;
        for (long s : size) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** How many storage elements, from {@link #offset()}, the view reaches over (0 for an empty tensor). */
    long span() {
        if (elements() == 0) {
            return 0;
        }
        long last = 0;
        for (int d = 0; d < size.length; d++) {
            last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
        }
        return last + 1;
    }

    /** The view's values in row-major order, from {@code window}: the storage's elements from the offset on. */
    float[] gather(float[] window) {
        int n = (int) elements();
        if (n == window.length && isContiguous()) {
            return window;
        }
        float[] out = new float[n];
        long[] index = new long[size.length];
        for (int i = 0; i < n; i++) {
            long at = 0;
            for (int d = 0; d < size.length; d++) {
                at += index[d] * stride[d];
            }
            out[i] = window[(int) at];
            for (int d = size.length - 1; d >= 0 && ++index[d] == size[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }

    private boolean isContiguous() {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }
}
