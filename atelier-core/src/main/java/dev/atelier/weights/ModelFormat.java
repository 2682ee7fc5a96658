package dev.atelier.weights;

/** How a model's files are laid out. */
public enum ModelFormat {
    KERAS_HDF5("Keras HDF5"),
    PYTORCH("PyTorch .pth"),
    /** {@code model.json} (topology and weights manifest) plus shard files of little-endian float32. */
    TFJS_LAYERS("TF.js layers model"),
    /** {@code manifest.json} (variable name to file and shape) plus one little-endian float32 file per variable. */
    DEEPLEARNJS_CHECKPOINT("deeplearn.js checkpoint");

    private final String label;

    ModelFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static ModelFormat of(WeightsFormat format) {
        return format == WeightsFormat.KERAS_HDF5 ? KERAS_HDF5 : PYTORCH;
    }
}
