package dev.atelier.spark;

import java.io.Serializable;

/** One picture for an executor: where to read it, its output path relative to the output root, its name in messages. */
record WorkItem(String input, String relativeOutput, String shown) implements Serializable {}
