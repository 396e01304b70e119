package dev.strata.domain.audit.api;

import java.time.Instant;

/**
 * One eviction of a cache ref.
 *
 * @param index the global index of the {@code CacheEvicted} event
 * @param evictionId the eviction's id
 * @param evictedBy who evicted it ({@code user:<name>}, {@code gc}, {@code budget})
 * @param reason why
 * @param at when
 */
public record CacheEvictionEntry(
    long index, String evictionId, String evictedBy, String reason, Instant at) {}
