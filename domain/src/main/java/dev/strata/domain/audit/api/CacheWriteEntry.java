package dev.strata.domain.audit.api;

import java.time.Instant;

/**
 * One write of a registry cache ref ({@code cache-to} of a build).
 *
 * @param index the global index of the build event that recorded it
 * @param run the run that wrote it
 * @param leg the leg that wrote it
 * @param trigger the run's trigger kind, e.g. {@code PUSH}
 * @param commit the commit the run built, or null
 * @param at when the build was recorded
 */
public record CacheWriteEntry(
    long index, String run, String leg, String trigger, String commit, Instant at) {}
