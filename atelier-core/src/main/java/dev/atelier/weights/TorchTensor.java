package dev.atelier.weights;

/** A tensor of a PyTorch file: a view into one of its storages. */
record TorchTensor(TorchStorage storage, StridedTensor view) {}
