package dev.strata.domain.audit.api;

import java.util.List;

/**
 * The result of {@code strata audit}: what was read, the violations per invariant and in detail,
 * and the cache refs. Deterministic: replaying the same log with the same query gives an equal
 * report (lists are sorted, nothing depends on hash order or on the wall clock).
 *
 * @param query the query it answers
 * @param rules the thresholds it applied
 * @param log what the replay read
 * @param invariants the violation count of every invariant, 1 to 10
 * @param violations every violation, by invariant, then time, then first evidence
 * @param cacheRefs every cache ref the query concerns, sorted by ref
 */
public record AuditReport(
    AuditQuery query,
    AuditRulesView rules,
    LogSummary log,
    List<InvariantCount> invariants,
    List<Violation> violations,
    List<CacheRefReport> cacheRefs) {
  public AuditReport {
    invariants = List.copyOf(invariants);
    violations = List.copyOf(violations);
    cacheRefs = List.copyOf(cacheRefs);
  }
}
