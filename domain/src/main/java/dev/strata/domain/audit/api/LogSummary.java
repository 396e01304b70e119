package dev.strata.domain.audit.api;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the replay read.
 *
 * @param eventsRead events read from the log
 * @param eventsAudited events applied to the audit (those not after the query's {@code to})
 * @param firstIndex the first global index read, or -1
 * @param lastIndex the last global index read, or -1
 * @param firstAt the earliest event time seen, or null
 * @param asOf the instant the report is as of: the query's {@code to}, else the latest event time
 * @param eventsByType audited events per type, sorted by type
 * @param runsByTrigger runs per trigger kind, sorted
 */
public record LogSummary(
    long eventsRead,
    long eventsAudited,
    long firstIndex,
    long lastIndex,
    Instant firstAt,
    Instant asOf,
    SortedMap<String, Long> eventsByType,
    SortedMap<String, Long> runsByTrigger) {
  public LogSummary {
    eventsByType = new TreeMap<>(eventsByType);
    runsByTrigger = new TreeMap<>(runsByTrigger);
  }

  /** Total runs seen. */
  public long runs() {
    return runsByTrigger.values().stream().mapToLong(Long::longValue).sum();
  }
}
