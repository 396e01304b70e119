package dev.strata.domain.cache.api;

import dev.strata.domain.image.api.Digest;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the eviction of a cache entry (a registry cache tag or a Darwin cache archive).
 *
 * @param evictionId a new id for this eviction
 * @param store where the entry lived: {@code registry} or the Darwin cache store's name
 * @param ref the cache ref or cache key evicted
 * @param digest the manifest digest deleted (registry), or null
 * @param alsoRemoved other tags that went with the digest
 * @param reason why it was evicted
 * @param evictedBy who evicted it ({@code user:<name>}, {@code gc}, {@code budget})
 * @param bytes the size freed, or -1 when unknown
 * @param at when
 */
public record EvictCache(
    @TargetAggregateIdentifier String evictionId,
    String store,
    String ref,
    Digest digest,
    List<String> alsoRemoved,
    String reason,
    String evictedBy,
    long bytes,
    Instant at) {}
