package dev.strata.darwin.port;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One archive in a {@link CacheStore}, with what the budget and the restore check need.
 *
 * @param key the cache key it was saved under
 * @param bytes the archive's size
 * @param sha256 the archive's SHA-256 (lowercase hex), checked before every restore
 * @param created when it was saved
 * @param lastAccess when it was last saved or restored (the budget evicts the oldest first)
 */
public record CacheEntry(
    String key, long bytes, String sha256, Instant created, Instant lastAccess) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public CacheEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastAccess, "lastAccess");
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "Invalid SHA-256 \"" + sha256 + "\" for cache entry " + key + ": expected 64 hex digits");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("Invalid size " + bytes + " for cache entry " + key);
    }
  }

  /** This entry last accessed at {@code at}. */
  public CacheEntry accessedAt(Instant at) {
    return new CacheEntry(key, bytes, sha256, created, at);
  }
}
