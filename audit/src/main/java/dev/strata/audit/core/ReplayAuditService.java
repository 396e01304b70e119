package dev.strata.audit.core;

import dev.strata.audit.core.report.JsonReport;
import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.AuditService;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.audit.model.AuditRules;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;

/**
 * The {@link AuditService} the gateway calls: each call is a fresh replay of the whole log. Blocks
 * for the replay; a failure to read the log surfaces as {@link IllegalStateException} naming the
 * store.
 */
public final class ReplayAuditService implements AuditService {

  private final EventLog log;
  private final AuditRules rules;

  public ReplayAuditService(EventLog log, AuditRules rules) {
    this.log = log;
    this.rules = rules;
  }

  @Override
  public AuditReport audit(AuditQuery query) {
    try {
      return new AuditReplay(log, ReplayProgress.SILENT).audit(query, rules);
    } catch (EventLogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public String auditJson(AuditQuery query) {
    return JsonReport.write(audit(query));
  }

  @Override
  public MissExplanation explain(RunId run, LegId leg) {
    try {
      return new AuditReplay(log, ReplayProgress.SILENT).explain(run, leg);
    } catch (EventLogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
