package dev.atelier.weights;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one pickle without ever running code: it knows only the opcodes {@code torch.save} writes for a dict of
 * tensors, builds plain Java values (Long, Double, String, Boolean, null, {@link List}, {@link Tuple},
 * {@link LinkedHashMap}), and asks a {@link Vocabulary} what each global, call and persistent id stands for. Any
 * other opcode is refused.
 */
final class Unpickler {

    /** What the names in a pickle mean; it decides what is allowed, and refuses the rest by throwing. */
    interface Vocabulary {
        Object global(String module, String name);

        /** REDUCE: {@code callable} is what {@link #global} returned. */
        Object call(Object callable, List<Object> args);

        Object persistent(Object id);

        /** BUILD: set {@code state} on {@code target}. */
        void build(Object target, Object state);
    }

    /** A Python tuple (distinct from a list). */
    record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        Object get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }
    }

    private static final int MAX_GLOBAL_NAME = 256;
    /** A state dict of ten thousand tensors makes about 150,000 values; this bounds memory whatever the pickle. */
    private static final int MAX_VALUES = 2_000_000;

    private final InputStream in;
    private final Vocabulary vocabulary;
    private final String where;
    private long remaining;
    private long position;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int values;

    private Unpickler(InputStream in, Vocabulary vocabulary, String where, long maxBytes) {
        this.in = in;
        this.vocabulary = vocabulary;
        this.where = where;
        this.remaining = maxBytes;
    }

    /**
     * Reads one pickle from {@code in}, consuming exactly its bytes, and returns its value.
     *
     * @param maxBytes the most bytes the pickle may take; more is refused (a state dict's pickle is small)
     */
    static Object load(InputStream in, Vocabulary vocabulary, String where, long maxBytes) {
        return new Unpickler(in, vocabulary, where, maxBytes).run();
    }

    private Object run() {
        try {
            while (true) {
                int op = u8();
                switch (op) {
                    case 0x80 -> { // PROTO
                        int protocol = u8();
                        if (protocol > 5) {
                            throw fail("uses pickle protocol " + protocol + ", newer than any known");
                        }
                    }
                    case 0x95 -> bytes(8); // FRAME: a length hint only
                    case '}' -> push(new LinkedHashMap<>());
                    case ']' -> push(new ArrayList<>());
                    case ')' -> push(new Tuple(List.of()));
                    case '(' -> {
                        count();
                        marks.add(stack.size());
                    }
                    case 't' -> push(new Tuple(popMark()));
                    case 0x85 -> push(new Tuple(popN(1)));
                    case 0x86 -> push(new Tuple(popN(2)));
                    case 0x87 -> push(new Tuple(popN(3)));
                    case 'a' -> {
                        Object item = pop();
                        list(peek()).add(item);
                    }
                    case 'e' -> {
                        List<Object> items = popMark();
                        list(peek()).addAll(items);
                    }
                    case 's' -> {
                        Object value = pop();
                        Object key = key(pop());
                        map(peek()).put(key, value);
                    }
                    case 'u' -> {
                        List<Object> items = popMark();
                        if (items.size() % 2 != 0) {
                            throw fail("has SETITEMS with an odd number of items");
                        }
                        Map<Object, Object> target = map(peek());
                        for (int i = 0; i < items.size(); i += 2) {
                            target.put(key(items.get(i)), items.get(i + 1));
                        }
                    }
                    case 'q' -> memo.put((long) u8(), peek());
                    case 'r' -> memo.put(u32(), peek());
                    case 0x94 -> memo.put((long) memo.size(), peek());
                    case 'h' -> push(recall(u8()));
                    case 'j' -> push(recall(u32()));
                    case 'K' -> push((long) u8());
                    case 'M' -> push((long) (u8() | u8() << 8));
                    case 'J' -> push((long) (int) u32());
                    case 0x8a -> push(long1());
                    case 'G' -> push(Double.longBitsToDouble(new BigInteger(1, bytes(8)).longValue()));
                    case 'N' -> push(null);
                    case 0x88 -> push(Boolean.TRUE);
                    case 0x89 -> push(Boolean.FALSE);
                    case 'X' -> push(new String(bytes(u32()), StandardCharsets.UTF_8));
                    case 0x8c -> push(new String(bytes(u8()), StandardCharsets.UTF_8));
                    case 'T' -> push(new String(bytes(u32()), StandardCharsets.ISO_8859_1));
                    case 'U' -> push(new String(bytes(u8()), StandardCharsets.ISO_8859_1));
                    case 'c' -> push(vocabulary.global(line(), line()));
                    case 0x93 -> {
                        String name = string(pop());
                        push(vocabulary.global(string(pop()), name));
                    }
                    case 'R' -> {
                        Object args = pop();
                        Object callable = pop();
                        if (!(args instanceof Tuple t)) {
                            throw fail("calls with arguments that are not a tuple");
                        }
                        push(vocabulary.call(callable, t.items()));
                    }
                    case 'b' -> {
                        Object state = pop();
                        vocabulary.build(peek(), state);
                    }
                    case 'Q' -> push(vocabulary.persistent(pop()));
                    case '.' -> {
                        if (stack.size() != 1 || !marks.isEmpty()) {
                            throw fail("ends with " + stack.size() + " values on its stack instead of one");
                        }
                        return stack.get(0);
                    }
                    default -> throw fail(String.format("uses pickle opcode 0x%02x at byte %d, which a state dict "
                            + "does not need; refused (nothing was executed)", op, position - 1));
                }
            }
        } catch (EOFException e) {
            throw fail("ends in the middle of a pickle (truncated?)");
        } catch (IOException e) {
            throw new WeightsException(where + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private WeightsException fail(String problem) {
        return new WeightsException(where + " " + problem);
    }

    private void push(Object value) {
        count();
        stack.add(value);
    }

    private void count() {
        if (++values > MAX_VALUES) {
            throw fail("makes more values than a state dict needs; refused");
        }
    }

    private Object pop() {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size())) {
            throw fail("pops from an empty pickle stack (corrupt)");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw fail("reads from an empty pickle stack (corrupt)");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(0, pop());
        }
        return items;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw fail("closes a mark that was never opened (corrupt)");
        }
        int from = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(from, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private Object recall(long index) {
        if (!memo.containsKey(index)) {
            throw fail("refers to memo entry " + index + ", which was never stored (corrupt)");
        }
        return memo.get(index);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object target) {
        if (target instanceof List<?> l && !(target instanceof Tuple)) {
            return (List<Object>) l;
        }
        throw fail("appends to something that is not a list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map(Object target) {
        if (target instanceof LinkedHashMap<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw fail("sets items on something that is not a dict");
    }

    /** State dicts are keyed by strings; containers as keys could be cyclic, and hashing them would never end. */
    private Object key(Object key) {
        if (key == null || key instanceof String || key instanceof Long || key instanceof Boolean) {
            return key;
        }
        throw fail("uses a dict key that is not a string or a number; refused");
    }

    private String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw fail("names a global with something that is not a string");
    }

    private Object long1() throws IOException {
        byte[] le = bytes(u8());
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger value = new BigInteger(be);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = u8(); c != '\n'; c = u8()) {
            if (sb.length() >= MAX_GLOBAL_NAME) {
                throw fail("names a global longer than " + MAX_GLOBAL_NAME + " characters (corrupt)");
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private int u8() throws IOException {
        take(1);
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private long u32() throws IOException {
        byte[] b = bytes(4);
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    private byte[] bytes(long n) throws IOException {
        take(n);
        byte[] b = in.readNBytes((int) n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    private void take(long n) {
        if (n > remaining) {
            throw fail("has a pickle larger than a state dict needs (over the limit of its reader); refused");
        }
        remaining -= n;
        position += n;
    }
}
