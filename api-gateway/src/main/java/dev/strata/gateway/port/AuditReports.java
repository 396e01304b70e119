package dev.strata.gateway.port;

import dev.strata.domain.audit.api.AuditQuery;

/**
 * The audit report behind {@code GET /v1/audit}. The gateway does not depend on the audit module:
 * the launcher wires this port to the audit's service. Implementations replay the event log, so a
 * call blocks for as long as that takes; the gateway calls it on a worker thread.
 */
@FunctionalInterface
public interface AuditReports {

  /**
   * The report on {@code query} as JSON (what {@code strata audit --format json} prints).
   *
   * @throws RuntimeException when the event log cannot be read
   */
  String reportJson(AuditQuery query);
}
