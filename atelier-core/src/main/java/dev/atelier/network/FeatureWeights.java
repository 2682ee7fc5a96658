package dev.atelier.network;

/** The parameters of a feature network as read from a file, before they are put on a device. */
public interface FeatureWeights {

    NetworkFamily family();

    /** Where they came from, for messages. */
    String source();
}
