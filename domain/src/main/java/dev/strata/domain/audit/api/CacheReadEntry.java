package dev.strata.domain.audit.api;

import java.time.Instant;

/**
 * One read of a registry cache ref ({@code cache-from} of a build) with the build's step cache
 * statistics.
 *
 * @param index the global index of the build event that recorded it
 * @param run the run that read it
 * @param leg the leg that read it
 * @param trigger the run's trigger kind
 * @param at when the build was recorded
 * @param cachedSteps build steps served from cache
 * @param executedSteps build steps that ran
 * @param lastWriteRun the run that last wrote the ref before this read, or null if none did
 */
public record CacheReadEntry(
    long index,
    String run,
    String leg,
    String trigger,
    Instant at,
    long cachedSteps,
    long executedSteps,
    String lastWriteRun) {}
