package dev.strata.darwin.testing;

import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.TriggerReceived;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the agent reported into the events the aggregates would append (the same fields), so a
 * test can replay a live run through the simulation without a gateway.
 */
public final class CommandsAsEvents {
  private final List<Object> events = new ArrayList<>();

  /** The run's trigger, as the log has it before any report of the run. */
  public void runStarted(ClaimedLeg leg) {
    events.add(
        new TriggerReceived(
            leg.runId(),
            leg.trigger(),
            "delivery-" + leg.runId(),
            "group",
            List.of("darwin"),
            true,
            leg.leaseUntil()));
  }

  /** Appends the events of {@code reports} (in order), ignoring other reports. */
  public void reported(List<Object> reports) {
    for (Object r : reports) {
      if (r instanceof RecordDarwinCacheRestore c) {
        events.add(
            new DarwinCacheRestored(
                c.runId(),
                c.legId(),
                c.cache(),
                c.key(),
                c.outcome(),
                c.matchedKey(),
                c.bytes(),
                c.at()));
      } else if (r instanceof RecordDarwinCacheSave c) {
        events.add(
            new DarwinCacheSaved(
                c.runId(), c.legId(), c.cache(), c.key(), c.bytes(), c.gated(), c.at()));
      } else if (r instanceof EvictCache c) {
        events.add(
            new CacheEvicted(
                c.evictionId(),
                c.store(),
                c.ref(),
                c.digest(),
                c.alsoRemoved(),
                c.reason(),
                c.evictedBy(),
                c.bytes(),
                c.at()));
      }
    }
  }

  public List<Object> events() {
    return List.copyOf(events);
  }
}
