package dev.strata.merge.core;

import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A projection of registry cache use from the log: writes and reads recorded by builds ({@code
 * ArchDigestPushed}, {@code LegVerified}) and evictions ({@code CacheEvicted}). Apply events in log
 * order.
 */
public final class CacheInventory {
  private final Map<RunId, Trigger> triggers = new HashMap<>();
  private final Map<String, CacheUsage> byRef = new TreeMap<>();

  public void apply(Object event) {
    if (event instanceof TriggerReceived e) {
      triggers.put(e.runId(), e.trigger());
    } else if (event instanceof ArchDigestPushed e) {
      used(e.runId(), e.cacheRead(), e.cacheWritten(), e.at());
    } else if (event instanceof LegVerified e) {
      used(e.runId(), e.cacheRead(), e.cacheWritten(), e.at());
    } else if (event instanceof CacheEvicted e && "registry".equals(e.store())) {
      CacheUsage old = byRef.get(e.ref());
      if (old != null) {
        byRef.put(e.ref(), new CacheUsage(old.ref(), null, 0, null, e.at()));
      }
    }
  }

  private void used(RunId run, List<CacheRef> read, List<CacheWrite> written, Instant at) {
    for (CacheRef ref : read) {
      CacheUsage old = usage(ref);
      byRef.put(
          ref.toString(),
          new CacheUsage(ref, old.lastWrite(), old.readsSinceWrite() + 1, at, old.evictedAt()));
    }
    for (CacheWrite write : written) {
      CacheUsage old = usage(write.ref());
      byRef.put(
          write.ref().toString(),
          new CacheUsage(
              write.ref(),
              new CacheUsage.Write(run, describe(run), at),
              0,
              old.lastRead(),
              old.evictedAt()));
    }
  }

  private String describe(RunId run) {
    Trigger trigger = triggers.get(run);
    if (trigger == null) {
      return "unknown";
    }
    String kind = trigger.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return trigger.ref() == null ? kind : kind + " " + trigger.ref();
  }

  private CacheUsage usage(CacheRef ref) {
    return byRef.getOrDefault(ref.toString(), new CacheUsage(ref, null, 0, null, null));
  }

  /** The usage of {@code ref}, if the log mentions it. */
  public Optional<CacheUsage> find(CacheRef ref) {
    return Optional.ofNullable(byRef.get(ref.toString()));
  }
}
