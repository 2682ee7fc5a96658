package dev.atelier.network;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer names: Keras' {@code block4_conv2} is canonical; Caffe/neural-style's {@code conv4_2} and {@code relu4_2}
 * name the same activation (after ReLU, which is what every loss reads).
 */
public final class LayerNames {

    private static final Pattern KERAS = Pattern.compile("block(\\d)_conv(\\d)");
    private static final Pattern CAFFE = Pattern.compile("(?:conv|relu)(\\d)_(\\d)");

    private LayerNames() {}

    /** The canonical name of {@code name} in {@code architecture}, or an error listing the valid names. */
    public static String canonical(String name, VggArchitecture architecture) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Matcher caffe = CAFFE.matcher(n);
        String keras = caffe.matches() ? "block" + caffe.group(1) + "_conv" + caffe.group(2) : n;
        if (!KERAS.matcher(keras).matches() || !architecture.layerNames().contains(keras)) {
            throw new IllegalArgumentException("unknown layer '" + name + "' for " + architecture + "; layers are "
                    + architecture.layerNames().get(0) + " … " + last(architecture)
                    + " (or conv1_1 … / relu1_1 … in Caffe's naming)");
        }
        return keras;
    }

    private static String last(VggArchitecture architecture) {
        return architecture.layerNames().get(architecture.layerNames().size() - 1);
    }
}
