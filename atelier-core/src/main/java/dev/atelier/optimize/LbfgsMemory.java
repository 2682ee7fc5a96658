package dev.atelier.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The limited memory: the last m correction pairs (s, y) and the inverse-Hessian product they define, computed by
 * the two-loop recursion with H0 = (s'y / y'y) I from the newest pair. For unbounded variables this is the same
 * matrix that L-BFGS-B's compact form uses (its B0 = theta I with theta = y'y / s'y, set in {@code matupd}).
 *
 * <p>A pair keeps y = g_new - g_old as its two gradients, shared with the neighbouring pair and the current point,
 * and recomputes y in float64 where it is used: the same values as a stored y, but for a float32 objective m + 1
 * float32 vectors instead of m float64 ones (at 512², 35 MB instead of 63 MB).
 *
 * <p>The s vectors live in a sub-manager of their own; evicting or clearing closes them and lets go of the gradients.
 */
final class LbfgsMemory implements AutoCloseable {

    private record Pair(NDArray s, SharedGradient oldGradient, SharedGradient newGradient, double sy) {

        /** y = g_new - g_old in float64, a new array in {@code s}'s manager. */
        NDArray y() {
            NDArray y = Vectors.difference(newGradient.array(), oldGradient.array());
            y.attach(s.getManager());
            return y;
        }

        void release() {
            s.close();
            oldGradient.release();
            newGradient.release();
        }
    }

    private final int capacity;
    private final NDManager manager;
    private final Deque<Pair> pairs = new ArrayDeque<>();
    private double theta = 1.0;

    LbfgsMemory(int capacity, NDManager parent) {
        this.capacity = capacity;
        this.manager = parent.newSubManager();
    }

    /** L-BFGS-B's {@code col == 0}. */
    boolean isEmpty() {
        return pairs.isEmpty();
    }

    int size() {
        return pairs.size();
    }

    /**
     * Takes ownership of {@code s} and holds the two gradients whose difference is y, with {@code sy = s'y} and
     * {@code yy = y'y}, dropping the oldest pair when full ({@code matupd}).
     */
    void add(NDArray s, SharedGradient oldGradient, SharedGradient newGradient, double sy, double yy) {
        s.attach(manager);
        if (pairs.size() == capacity) {
            pairs.removeFirst().release();
        }
        pairs.addLast(new Pair(s, oldGradient.retain(), newGradient.retain(), sy));
        theta = yy / sy;
    }

    /** Forgets every pair, as L-BFGS-B's "refresh the lbfgs memory" (col = 0, theta = 1). */
    void clear() {
        pairs.forEach(Pair::release);
        pairs.clear();
        theta = 1.0;
    }

    /** The quasi-Newton step {@code -H g} in float64, attached to {@code into}. */
    NDArray newtonStep(NDArray g, NDManager into) {
        NDArray q = Vectors.widened(g).negi();
        q.attach(into);
        double[] alpha = new double[pairs.size()];
        int i = pairs.size();
        for (var it = pairs.descendingIterator(); it.hasNext(); ) {
            Pair pair = it.next();
            i--;
            alpha[i] = Vectors.dot(pair.s(), q) / pair.sy();
            try (NDArray y = pair.y()) {
                q.subi(y.muli(alpha[i]));
            }
        }
        q.muli(1.0 / theta);
        i = 0;
        for (Pair pair : pairs) {
            double beta;
            try (NDArray y = pair.y()) {
                beta = Vectors.dot(y, q) / pair.sy();
            }
            try (NDArray scaled = pair.s().mul(alpha[i] - beta)) {
                q.addi(scaled);
            }
            i++;
        }
        return q;
    }

    @Override
    public void close() {
        clear();
        manager.close();
    }
}
