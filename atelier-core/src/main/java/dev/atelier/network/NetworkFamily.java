package dev.atelier.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of feature network Atelier runs; presets give their layers per family. */
public enum NetworkFamily {
    VGG16("vgg16", VggArchitecture.VGG16),
    VGG19("vgg19", VggArchitecture.VGG19),
    DARKNET_TINY("darknet-tiny", null);

    private final String id;
    private final VggArchitecture vgg;

    NetworkFamily(String id, VggArchitecture vgg) {
        this.id = id;
        this.vgg = vgg;
    }

    /** As users write it: {@code vgg16}, {@code darknet-tiny}. */
    public String id() {
        return id;
    }

    /** The VGG stack of this family, or null if it is not a VGG. */
    public VggArchitecture vgg() {
        return vgg;
    }

    public static NetworkFamily of(VggArchitecture architecture) {
        return architecture == VggArchitecture.VGG16 ? VGG16 : VGG19;
    }

    /** The family called {@code id}; an error listing the families otherwise. */
    public static NetworkFamily named(String id) {
        String n = id.trim().toLowerCase(Locale.ROOT);
        for (NetworkFamily f : values()) {
            if (f.id.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown network '" + id + "'; networks are "
                + Arrays.stream(values()).map(NetworkFamily::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return vgg != null ? vgg.toString() : id;
    }
}
