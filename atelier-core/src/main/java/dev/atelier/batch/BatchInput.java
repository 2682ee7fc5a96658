package dev.atelier.batch;

import java.nio.file.Path;

/** One picture to paint: its file, and its path relative to the input's root (which names the output). */
public record BatchInput(Path file, String relative) {}
