package dev.atelier.transfer;

/** The total loss and its terms at one image. */
public record LossValues(double total, double content, double style, double tv) {}
