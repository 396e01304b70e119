package dev.strata.domain.audit.api;

import java.util.List;

/**
 * Everything the audit knows about one registry cache ref within the query: how often it was
 * written, read and evicted, the hit ratio per week, and the latest entries (at most the report's
 * entry limit each, in log order).
 *
 * @param ref the cache ref, e.g. {@code quay.io/go-skynet/ci-cache:cache-cpu-vllm-amd64}
 * @param writes writes listed by the query
 * @param reads reads listed by the query
 * @param evictions evictions listed by the query
 * @param cachedSteps steps served from cache over all listed reads
 * @param executedSteps steps that ran over all listed reads
 * @param hitRatio {@code cachedSteps / (cachedSteps + executedSteps)}, or null without steps
 * @param weekly the reads per ISO week, in week order
 * @param latestWrites the latest writes
 * @param latestReads the latest reads
 * @param latestEvictions the latest evictions
 */
public record CacheRefReport(
    String ref,
    long writes,
    long reads,
    long evictions,
    long cachedSteps,
    long executedSteps,
    Double hitRatio,
    List<WeeklyHits> weekly,
    List<CacheWriteEntry> latestWrites,
    List<CacheReadEntry> latestReads,
    List<CacheEvictionEntry> latestEvictions) {
  public CacheRefReport {
    weekly = List.copyOf(weekly);
    latestWrites = List.copyOf(latestWrites);
    latestReads = List.copyOf(latestReads);
    latestEvictions = List.copyOf(latestEvictions);
  }

  /** {@code cached / (cached + executed)} rounded to 4 decimals, or null when both are 0. */
  public static Double ratio(long cached, long executed) {
    long total = cached + executed;
    return total == 0 ? null : Math.round(cached * 10_000.0 / total) / 10_000.0;
  }
}
