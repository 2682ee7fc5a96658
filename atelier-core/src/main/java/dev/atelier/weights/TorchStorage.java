package dev.atelier.weights;

/** One storage a PyTorch file refers to by key: its element type and element count. */
record TorchStorage(String key, ScalarType type, long elements) {}
