package dev.strata.darwin.core;

import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.CacheStoreException;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.domain.cache.api.EvictCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The per-repository budget of a cache store (default 10 GB, as GitHub's): after each save, the
 * least recently used entries are deleted until the store is under budget, and each deletion is
 * reported as an eviction ({@code EvictCache}, evicted by {@code budget}) with the reason.
 */
public final class CacheBudget {
  /** GitHub's cache limit per repository. */
  public static final long DEFAULT_BYTES = 10L << 30;

  private final CacheStore store;
  private final long budget;
  private final ControlPlane controlPlane;
  private final Supplier<String> ids;

  /**
   * @param ids new eviction ids ({@code [a-z0-9-]}, at most 64 characters)
   */
  public CacheBudget(
      CacheStore store, long budget, ControlPlane controlPlane, Supplier<String> ids) {
    if (budget < 0) {
      throw new IllegalArgumentException("Invalid cache budget " + budget + ": expected >= 0");
    }
    this.store = store;
    this.budget = budget;
    this.controlPlane = controlPlane;
    this.ids = ids;
  }

  public long bytes() {
    return budget;
  }

  /**
   * Evicts until the store is under budget, keeping {@code saved}.
   *
   * @return the entries evicted, in order
   */
  public List<CacheEntry> enforce(String saved, Instant at)
      throws CacheStoreException, ControlPlaneException {
    List<CacheEntry> entries = store.list();
    long total = entries.stream().mapToLong(CacheEntry::bytes).sum();
    List<CacheEntry> evicted = new ArrayList<>();
    for (CacheEntry entry : LruEviction.select(entries, budget, saved)) {
      store.delete(entry);
      String reason =
          String.format(
              "budget: %d bytes in %s exceed the budget of %d after saving %s;"
                  + " least recently used (last access %s)",
              total, store.name(), budget, saved, entry.lastAccess());
      controlPlane.cacheEvicted(
          new EvictCache(
              ids.get(),
              store.name(),
              entry.key(),
              null,
              List.of(),
              reason,
              "budget",
              entry.bytes(),
              at));
      total -= entry.bytes();
      evicted.add(entry);
    }
    return evicted;
  }
}
