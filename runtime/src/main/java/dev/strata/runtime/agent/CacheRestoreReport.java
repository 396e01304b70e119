package dev.strata.runtime.agent;

import dev.strata.domain.run.api.CacheOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * A native cache restore of a leg, as reported to the gateway (it becomes {@code
 * DarwinCacheRestored}).
 *
 * @param cache the cache's name ({@code go}, {@code homebrew}, {@code ccache}, {@code wheels})
 * @param key the exact key looked up
 * @param outcome hit, partial (restore-prefix match), miss, or corrupt (failed its checksum)
 * @param matchedKey the key of the entry restored, or null on a miss
 * @param bytes the archive's size, or 0 on a miss
 * @param at when the restore began, by the agent's clock
 */
public record CacheRestoreReport(
    String cache, String key, CacheOutcome outcome, String matchedKey, long bytes, Instant at) {
  public CacheRestoreReport {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
  }
}
