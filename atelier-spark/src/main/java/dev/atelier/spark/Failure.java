package dev.atelier.spark;

import java.io.Serializable;

/** A picture that could not be painted, and why (one line). */
public record Failure(String input, String reason) implements Serializable {}
