package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.LogSummary;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a replay read: events, index range, time range, events per type, runs per kind. */
final class LogCounter {
  private final Map<String, Long> eventsByType = new HashMap<>();
  private long read;
  private long audited;
  private long firstIndex = -1;
  private long lastIndex = -1;
  private Instant firstAt;
  private Instant latestAt;

  void read(long index) {
    read++;
    if (firstIndex < 0) {
      firstIndex = index;
    }
    lastIndex = index;
  }

  void audited(Object event, Instant at) {
    audited++;
    eventsByType.merge(event.getClass().getSimpleName(), 1L, Long::sum);
    if (firstAt == null || at.isBefore(firstAt)) {
      firstAt = at;
    }
    if (latestAt == null || at.isAfter(latestAt)) {
      latestAt = at;
    }
  }

  /** The query's {@code to}, else the latest event time (null for an empty log). */
  Instant asOf(AuditQuery query) {
    return query.to() != null ? query.to() : latestAt;
  }

  LogSummary summary(AuditQuery query, RunBook runs) {
    Map<String, Long> byTrigger = new TreeMap<>();
    for (RunBook.Run run : runs.all()) {
      boolean listed =
          run.triggerIndex >= 0
              && query.covers(run.triggeredAt)
              && (query.run() == null || query.run().value().equals(run.id));
      if (listed) {
        byTrigger.merge(run.trigger(), 1L, Long::sum);
      }
    }
    return new LogSummary(
        read,
        audited,
        firstIndex,
        lastIndex,
        firstAt,
        asOf(query),
        new TreeMap<>(eventsByType),
        new TreeMap<>(byTrigger));
  }
}
