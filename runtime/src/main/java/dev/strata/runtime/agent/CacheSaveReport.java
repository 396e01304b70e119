package dev.strata.runtime.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * A native cache save of a leg, as reported to the gateway (it becomes {@code DarwinCacheSaved}).
 *
 * @param cache the cache's name
 * @param key the key saved under
 * @param bytes the archive's size
 * @param gated false when the save ran although the run is a pull request (LocalAI's ungated Go
 *     save); the audit flags those
 * @param at when the save began, by the agent's clock
 */
public record CacheSaveReport(String cache, String key, long bytes, boolean gated, Instant at) {
  public CacheSaveReport {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(at, "at");
  }
}
