package dev.strata.matrix.core.history;

/**
 * One first-parent push replayed by {@code strata plan history}: the commit and its first parent.
 *
 * @param before the first parent (all zeros for a root commit)
 * @param after the commit
 * @param epochSeconds commit time
 * @param subject first line of the commit message
 */
public record PushRef(String before, String after, long epochSeconds, String subject) {}
