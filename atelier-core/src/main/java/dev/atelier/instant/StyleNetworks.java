package dev.atelier.instant;

import ai.djl.Device;
import dev.atelier.network.TensorEngine;
import dev.atelier.weights.StateDictFiles;
import dev.atelier.weights.WeightsException;
import dev.atelier.weights.WeightsFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens style networks from files and folders, telling the family from what is there (never from the name). */
public final class StyleNetworks {

    private StyleNetworks() {
    }

    /** The style network in {@code fileOrFolder} (a deeplearn.js folder, a .pth or a .safetensors file). */
    public static StyleNetwork open(Path fileOrFolder) {
        return open(fileOrFolder, TensorEngine.device());
    }

    /** As {@link #open(Path)}, with the network's tensors on {@code device}. */
    public static StyleNetwork open(Path fileOrFolder, Device device) {
        if (Files.isDirectory(fileOrFolder)) {
            return EngstromNetwork.load(fileOrFolder, device);
        }
        if (!Files.exists(fileOrFolder)) {
            throw new WeightsException("style network '" + fileOrFolder + "' does not exist");
        }
        if (Files.isRegularFile(fileOrFolder) && WeightsFormat.detect(fileOrFolder) == WeightsFormat.KERAS_HDF5) {
            throw new WeightsException("weights file '" + fileOrFolder + "' is a Keras HDF5 file (VGG weights, for "
                    + "stylize), not a style network");
        }
        return TransformerNet.load(fileOrFolder, device);
    }

    /**
     * The family of the style network at {@code path} ("engstrom" or "johnson"), or null if it holds none: for
     * messages when a style network is given where VGG weights are wanted. Reads the file; never throws.
     */
    public static String familyOf(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return Files.isRegularFile(path.resolve("manifest.json"))
                        && Files.readString(path.resolve("manifest.json")).contains("\"Variable\"") ? "engstrom" : null;
            }
            if (Files.isRegularFile(path) && WeightsFormat.detect(path) != WeightsFormat.KERAS_HDF5
                    && StateDictFiles.read(path).containsKey("conv1.conv2d.weight")) {
                return "johnson";
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
