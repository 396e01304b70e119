package dev.strata.merge.core;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the log says about one registry cache ref: its last write, how often it was read since, and
 * its last read.
 *
 * @param ref the cache ref
 * @param lastWrite the last build that wrote it, or null
 * @param readsSinceWrite builds that read it after the last write (or ever, without a write)
 * @param lastRead when it was last read, or null
 * @param evictedAt when it was last evicted, or null
 */
public record CacheUsage(
    CacheRef ref, Write lastWrite, int readsSinceWrite, Instant lastRead, Instant evictedAt) {

  /** A build that wrote the cache: its run, what triggered the run, and when. */
  public record Write(RunId runId, String trigger, Instant at) {}

  /** The later of the last write and the last read, if any. */
  public Optional<Instant> lastUsed() {
    Instant write = lastWrite == null ? null : lastWrite.at();
    if (write == null) {
      return Optional.ofNullable(lastRead);
    }
    return Optional.of(lastRead != null && lastRead.isAfter(write) ? lastRead : write);
  }
}
