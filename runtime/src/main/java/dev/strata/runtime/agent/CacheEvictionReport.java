package dev.strata.runtime.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * The eviction of an agent-side cache entry, as reported to the gateway (it becomes {@code
 * CacheEvicted}).
 *
 * @param evictionId a new id for this eviction ({@code [a-z0-9-]}, at most 64 characters); sending
 *     it again is refused, so a retried report is not recorded twice
 * @param store the cache store's name
 * @param key the key of the entry evicted
 * @param bytes the size freed, or -1 when unknown
 * @param reason why it was evicted
 * @param evictedBy who evicted it ({@code budget})
 * @param at when, by the agent's clock
 */
public record CacheEvictionReport(
    String evictionId,
    String store,
    String key,
    long bytes,
    String reason,
    String evictedBy,
    Instant at) {
  public CacheEvictionReport {
    Objects.requireNonNull(evictionId, "evictionId");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(evictedBy, "evictedBy");
    Objects.requireNonNull(at, "at");
  }
}
