package dev.atelier.loss;

/** What a content layer's {@code Σ (F − P)²} is divided by. */
@FunctionalInterface
public interface ContentNormalization {

    /** @param elements the layer's C·H·W */
    double denominator(long elements);

    /** The reference article and Gatys et al.: the plain sum. */
    ContentNormalization SUM = elements -> 1.0;

    /** jcjohnson/neural-style: a mean squared error over the layer. */
    ContentNormalization MEAN = elements -> (double) elements;
}
