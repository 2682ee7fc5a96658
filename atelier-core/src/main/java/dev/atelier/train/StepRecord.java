package dev.atelier.train;

/** One step of a run, as the report lists it: 1-based step, loss terms, seconds the step took. */
public record StepRecord(long step, double loss, double content, double style, double tv, double seconds) {}
