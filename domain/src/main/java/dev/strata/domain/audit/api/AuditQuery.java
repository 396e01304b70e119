package dev.strata.domain.audit.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;

/**
 * What an audit reports on. The whole log is always replayed (state before {@code from} still
 * counts, e.g. the last write of a cache ref); the bounds only select what the report lists.
 *
 * @param from list only what happened at or after this instant; null for the beginning
 * @param to ignore events after this instant (the report is "as of" it); null for the end
 * @param run list only what concerns this run; null for every run
 */
public record AuditQuery(Instant from, Instant to, RunId run) {
  public AuditQuery {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "Invalid audit range: --to " + to + " is before --from " + from);
    }
  }

  /** Everything. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null);
  }

  /** Whether {@code at} lies inside the listed range. */
  public boolean covers(Instant at) {
    return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
  }
}
