package dev.strata.domain.audit.api;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;

/**
 * The audit as a service, for callers other than the command line (the gateway's {@code GET
 * /v1/audit}). Every call replays the event log from the beginning into a fresh audit model, so it
 * blocks for as long as the replay takes (about a minute per million events): call it from a worker
 * thread, never from an event loop.
 */
public interface AuditService {

  /** Replays the log and reports on {@code query}. */
  AuditReport audit(AuditQuery query);

  /**
   * Replays the log and returns the report as JSON, byte for byte what {@code strata audit --format
   * json} prints for the same query.
   */
  String auditJson(AuditQuery query);

  /** Replays the log up to the leg's build and explains its cache miss. */
  MissExplanation explain(RunId run, LegId leg);
}
