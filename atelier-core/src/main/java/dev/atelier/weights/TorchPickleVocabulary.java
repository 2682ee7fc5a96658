package dev.atelier.weights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a PyTorch state-dict pickle may use, and what they mean: {@code collections.OrderedDict}, torch's
 * tensor-rebuilding functions and storage types, and {@code ('storage', …)} persistent ids. Every other global is
 * refused when it is named, before anything could call it; nothing is ever executed.
 */
final class TorchPickleVocabulary implements Unpickler.Vocabulary {

    private enum Callable { ORDERED_DICT, REBUILD_TENSOR, REBUILD_TENSOR_V2, REBUILD_PARAMETER }

    private record StorageType(String name, ScalarType type) {}

    private static final Map<String, Object> ALLOWED = Map.of(
            "collections.OrderedDict", Callable.ORDERED_DICT,
            "torch._utils._rebuild_tensor", Callable.REBUILD_TENSOR,
            "torch._utils._rebuild_tensor_v2", Callable.REBUILD_TENSOR_V2,
            "torch._utils._rebuild_parameter", Callable.REBUILD_PARAMETER,
            "torch.FloatStorage", new StorageType("FloatStorage", ScalarType.F32),
            "torch.DoubleStorage", new StorageType("DoubleStorage", ScalarType.F64),
            "torch.HalfStorage", new StorageType("HalfStorage", ScalarType.F16),
            "torch.BFloat16Storage", new StorageType("BFloat16Storage", ScalarType.BF16));

    private final String where;
    private final Map<String, TorchStorage> storages = new LinkedHashMap<>();

    TorchPickleVocabulary(String where) {
        this.where = where;
    }

    /** The storages the pickle referred to, by key. */
    Map<String, TorchStorage> storages() {
        return storages;
    }

    @Override
    public Object global(String module, String name) {
        Object meaning = ALLOWED.get(module + "." + name);
        if (meaning == null) {
            throw new WeightsException(where + " names the Python global '" + module + "." + name
                    + "', which a state dict does not need; refused (nothing was executed)");
        }
        return meaning;
    }

    @Override
    public Object call(Object callable, List<Object> args) {
        if (!(callable instanceof Callable c)) {
            throw new WeightsException(where + " calls " + describe(callable)
                    + ", which a state dict does not do; refused (nothing was executed)");
        }
        return switch (c) {
            case ORDERED_DICT -> orderedDict(args);
            case REBUILD_TENSOR -> tensor(args, 4);
            case REBUILD_TENSOR_V2 -> tensor(args, 6);
            case REBUILD_PARAMETER -> {
                if (args.size() < 1 || !(args.get(0) instanceof TorchTensor t)) {
                    throw new WeightsException(where + " rebuilds a parameter from something that is not a tensor");
                }
                yield t;
            }
        };
    }

    @Override
    public Object persistent(Object id) {
        if (!(id instanceof Unpickler.Tuple t) || t.size() < 5 || t.size() > 6 || !"storage".equals(t.get(0))
                || !(t.get(1) instanceof StorageType type) || !(t.get(2) instanceof String key)
                || !(t.get(4) instanceof Long elements) || elements < 0 || elements > Long.MAX_VALUE / 8) {
            throw new WeightsException(where + " has a persistent id that is not ('storage', type, key, location, "
                    + "size): " + describe(id));
        }
        if (t.size() == 6 && t.get(5) != null) {
            throw new WeightsException(where + " has a storage view (an old PyTorch feature), which is not supported");
        }
        TorchStorage storage = new TorchStorage(key, type.type(), elements);
        TorchStorage known = storages.putIfAbsent(key, storage);
        if (known != null && !known.equals(storage)) {
            throw new WeightsException(where + " describes storage '" + key + "' in two different ways");
        }
        return storage;
    }

    @Override
    public void build(Object target, Object state) {
        // nn.Module.state_dict() sets a _metadata attribute (layer versions) on its OrderedDict; nothing we need.
        if (!(target instanceof LinkedHashMap<?, ?>)) {
            throw new WeightsException(where + " sets the state of " + describe(target)
                    + ", which a state dict does not do; refused");
        }
    }

    private Object orderedDict(List<Object> args) {
        LinkedHashMap<Object, Object> dict = new LinkedHashMap<>();
        if (args.isEmpty()) {
            return dict;
        }
        if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
            // Python 3 pickles an OrderedDict's items separately; Python 2 passed them as [key, value] lists.
            for (Object pair : pairs) {
                List<?> kv = pair instanceof Unpickler.Tuple t ? t.items() : pair instanceof List<?> l ? l : null;
                if (kv == null || kv.size() != 2 || !(kv.get(0) instanceof String key)) {
                    throw new WeightsException(where + " builds an OrderedDict from something that is not "
                            + "(name, value) pairs");
                }
                dict.put(key, kv.get(1));
            }
            return dict;
        }
        throw new WeightsException(where + " builds an OrderedDict from " + args.size() + " unexpected arguments");
    }

    /** {@code _rebuild_tensor(storage, offset, size, stride)} and v2, which adds requires_grad, hooks(, metadata). */
    private TorchTensor tensor(List<Object> args, int expected) {
        if (args.size() < expected || args.size() > expected + 1 || !(args.get(0) instanceof TorchStorage storage)
                || !(args.get(1) instanceof Long offset) || !(args.get(2) instanceof Unpickler.Tuple size)
                || !(args.get(3) instanceof Unpickler.Tuple stride)) {
            throw new WeightsException(where + " rebuilds a tensor from unexpected arguments");
        }
        StridedTensor view = new StridedTensor(offset, longs(size), longs(stride));
        String problem = view.problem();
        if (problem == null && view.span() > storage.elements() - offset) {
            problem = "reaches past the end of its storage '" + storage.key() + "' (" + storage.elements()
                    + " elements)";
        }
        if (problem != null) {
            throw new WeightsException(where + ": a tensor " + problem);
        }
        return new TorchTensor(storage, view);
    }

    private long[] longs(Unpickler.Tuple tuple) {
        long[] out = new long[tuple.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(tuple.get(i) instanceof Long v)) {
                throw new WeightsException(where + " gives a tensor a size or stride that is not an integer");
            }
            out[i] = v;
        }
        return out;
    }

    /** Names a value without printing it: a hostile pickle can make containers that contain themselves. */
    private static String describe(Object value) {
        if (value instanceof StorageType s) {
            return "torch." + s.name();
        }
        if (value instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'";
        }
        if (value == null || value instanceof Long || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value instanceof Unpickler.Tuple ? "a tuple" : "a " + value.getClass().getSimpleName();
    }
}
