package dev.atelier.web;

/** A PNG of a running job's current image; {@code version} counts the previews made so far, from 1. */
record Preview(byte[] png, int version) {}
