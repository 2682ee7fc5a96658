package dev.atelier.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The tensors of an unpickled PyTorch state dict, read from their storages on demand. */
final class TorchStateDict implements TensorTable {

    private final String where;
    private final Map<String, TorchTensor> tensors;
    private final TorchStorageReader storages;

    private TorchStateDict(String where, Map<String, TorchTensor> tensors, TorchStorageReader storages) {
        this.where = where;
        this.tensors = tensors;
        this.storages = storages;
    }

    /**
     * The tensors of {@code root}, the unpickled object: a dict of name to tensor, or a checkpoint dict holding one
     * under {@code state_dict}. Entries that are not tensors are left out.
     */
    static TorchStateDict of(Object root, String where, TorchStorageReader storages) {
        if (root instanceof Map<?, ?> m && m.get("state_dict") instanceof Map<?, ?> inner) {
            root = inner;
        }
        if (!(root instanceof Map<?, ?> dict)) {
            throw new WeightsException(where + " holds a " + (root == null ? "None" : "pickled value")
                    + " instead of a state dict (a dict of tensors)");
        }
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (e.getKey() instanceof String name && e.getValue() instanceof TorchTensor t) {
                tensors.put(name, t);
            }
        }
        return new TorchStateDict(where, Collections.unmodifiableMap(tensors), storages);
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public Set<String> names() {
        return tensors.keySet();
    }

    @Override
    public long[] shape(String name) {
        return tensor(name).view().size();
    }

    @Override
    public float[] values(String name) {
        TorchTensor t = tensor(name);
        StridedTensor view = t.view();
        int span = (int) view.span();
        byte[] window = storages.read(t.storage(), view.offset(), span);
        return view.gather(t.storage().type().decode(window, span));
    }

    private TorchTensor tensor(String name) {
        TorchTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor " + name + " in " + where);
        }
        return t;
    }

    @Override
    public void close() {
        storages.close();
    }
}
