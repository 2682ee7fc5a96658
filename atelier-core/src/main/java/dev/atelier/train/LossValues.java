package dev.atelier.train;

/** One training step's loss and its three terms, already weighted. */
public record LossValues(double loss, double content, double style, double tv) {}
