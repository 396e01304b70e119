package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.registry.RegistryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code strata cache gc}: evicts BuildKit cache tags ({@code cache*}) that no build wrote or read
 * for a given time. Tags the log never mentions have no known age and are kept; so is a stale tag
 * whose digest also carries a tag that is not stale (deleting the digest would remove both).
 */
public final class CacheCollector {
  private final CacheCatalog catalog;
  private final CacheEvictor evictor;

  public CacheCollector(CacheCatalog catalog, CacheEvictor evictor) {
    this.catalog = catalog;
    this.evictor = evictor;
  }

  /** One tag's fate. */
  public record Verdict(CacheEntry entry, boolean evicted, String why) {}

  /** Collects in {@code repository}; with {@code dryRun} only says what it would evict. */
  public List<Verdict> collect(
      ImageRef repository,
      CacheInventory inventory,
      Duration olderThan,
      Instant now,
      boolean dryRun)
      throws RegistryException {
    Instant cutoff = now.minus(olderThan);
    List<CacheEntry> entries = catalog.list(repository, inventory);
    Map<Digest, List<CacheEntry>> byDigest = new HashMap<>();
    entries.forEach(e -> byDigest.computeIfAbsent(e.digest(), d -> new ArrayList<>()).add(e));
    List<Verdict> verdicts = new ArrayList<>();
    Map<Digest, String> evicted = new HashMap<>();
    for (CacheEntry entry : entries) {
      if (!entry.kind().equals("cache")) {
        continue;
      }
      if (evicted.containsKey(entry.digest())) {
        verdicts.add(
            new Verdict(
                entry, true, "went with " + evicted.get(entry.digest()) + " (same digest)"));
        continue;
      }
      Optional<Instant> lastUsed =
          entry.usage() == null ? Optional.empty() : entry.usage().lastUsed();
      if (lastUsed.isEmpty()) {
        verdicts.add(new Verdict(entry, false, "kept: the log never saw a build write or read it"));
        continue;
      }
      if (!lastUsed.get().isBefore(cutoff)) {
        verdicts.add(new Verdict(entry, false, "kept: used " + lastUsed.get()));
        continue;
      }
      List<String> sharing =
          byDigest.get(entry.digest()).stream()
              .filter(o -> o != entry)
              .map(o -> o.ref().tag())
              .toList();
      List<String> fresh =
          byDigest.get(entry.digest()).stream()
              .filter(o -> o != entry && !stale(o, cutoff))
              .map(o -> o.ref().tag())
              .toList();
      if (!fresh.isEmpty()) {
        verdicts.add(
            new Verdict(entry, false, "kept: its digest also carries " + fresh + ", still in use"));
        continue;
      }
      String reason = "gc: not written or read since " + cutoff + " (last " + lastUsed.get() + ")";
      if (!dryRun) {
        evictor.evictListed(entry, sharing, reason, "gc");
      }
      evicted.put(entry.digest(), entry.ref().tag());
      verdicts.add(new Verdict(entry, true, (dryRun ? "would evict: " : "evicted: ") + reason));
    }
    return verdicts;
  }

  private static boolean stale(CacheEntry entry, Instant cutoff) {
    return entry.kind().equals("cache")
        && entry.usage() != null
        && entry.usage().lastUsed().map(t -> t.isBefore(cutoff)).orElse(false);
  }
}
