package dev.strata.matrix.core.plan;

/** One {@code key=value} line of the plan's GitHub output. */
public record Output(String key, String value) {}
