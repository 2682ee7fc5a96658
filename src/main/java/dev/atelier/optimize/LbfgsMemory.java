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
 * <p>The pairs live in a sub-manager of their own; evicting or clearing closes them.
 */
final class LbfgsMemory implements AutoCloseable {

    private record Pair(NDArray s, NDArray y, double sy) {}

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
     * Takes ownership of the pair {@code s}, {@code y} with {@code sy = s'y} and {@code yy = y'y}, dropping the
     * oldest pair when full ({@code matupd}).
     */
    void add(NDArray s, NDArray y, double sy, double yy) {
        s.attach(manager);
        y.attach(manager);
        if (pairs.size() == capacity) {
            Pair oldest = pairs.removeFirst();
            oldest.s().close();
            oldest.y().close();
        }
        pairs.addLast(new Pair(s, y, sy));
        theta = yy / sy;
    }

    /** Forgets every pair, as L-BFGS-B's "refresh the lbfgs memory" (col = 0, theta = 1). */
    void clear() {
        for (Pair pair : pairs) {
            pair.s().close();
            pair.y().close();
        }
        pairs.clear();
        theta = 1.0;
    }

    /** The quasi-Newton step {@code -H g}, attached to {@code into}. */
    NDArray newtonStep(NDArray g, NDManager into) {
        NDArray q = g.neg();
        q.attach(into);
        double[] alpha = new double[pairs.size()];
        int i = pairs.size();
        for (var it = pairs.descendingIterator(); it.hasNext(); ) {
            Pair pair = it.next();
            i--;
            alpha[i] = Vectors.dot(pair.s(), q) / pair.sy();
            try (NDArray scaled = pair.y().mul(alpha[i])) {
                q.subi(scaled);
            }
        }
        q.muli(1.0 / theta);
        i = 0;
        for (Pair pair : pairs) {
            double beta = Vectors.dot(pair.y(), q) / pair.sy();
            try (NDArray scaled = pair.s().mul(alpha[i] - beta)) {
                q.addi(scaled);
            }
            i++;
        }
        return q;
    }

    @Override
    public void close() {
        pairs.clear();
        manager.close();
    }
}
