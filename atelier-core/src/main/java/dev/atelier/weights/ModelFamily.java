package dev.atelier.weights;

import java.util.Locale;

/** Which code reads and runs a model's files. */
public enum ModelFamily {
    /** VGG16/VGG19 loss networks (Keras HDF5, PyTorch, safetensors). */
    VGG,
    /** Darknet Tiny loss network (TensorFlow.js layers model). */
    DARKNET,
    /** Engstrom's fast-style-transfer networks (deeplearn.js checkpoint). */
    ENGSTROM,
    /** Johnson et al.'s feed-forward style networks. */
    JOHNSON;

    /** "vgg", "darknet", "engstrom" or "johnson", as {@code weights list} prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
