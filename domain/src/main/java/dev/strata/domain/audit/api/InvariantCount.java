package dev.strata.domain.audit.api;

/**
 * How many violations of one invariant the report lists.
 *
 * @param invariant the invariant's number
 * @param title its title
 * @param violations the number of listed violations
 */
public record InvariantCount(int invariant, String title, long violations) {}
