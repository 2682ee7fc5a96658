package dev.atelier.weights;

/** Reads ranges of a PyTorch file's storages, wherever the format keeps them. */
interface TorchStorageReader extends AutoCloseable {

    /** The raw little-endian bytes of elements {@code first … first + count − 1} of {@code storage}. */
    byte[] read(TorchStorage storage, long first, int count);

    @Override
    void close();
}
