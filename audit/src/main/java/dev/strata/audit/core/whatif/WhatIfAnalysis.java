package dev.strata.audit.core.whatif;

import dev.strata.audit.core.ReplayProgress;
import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import dev.strata.audit.port.Replanner;
import dev.strata.audit.port.Replanner.Replan;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays the log for its triggers and their recorded backend plans, plans each trigger again with
 * the {@link Replanner} (another profile) and compares the two, per run and per rule. Progress
 * counts runs planned, not events.
 */
public final class WhatIfAnalysis {
  /** The pipeline whose recorded plans are compared (the backend matrix). */
  public static final String PIPELINE = "backend";

  private static final int PROGRESS_EVERY = 25;

  private final EventLog log;
  private final Replanner replanner;
  private final ReplayProgress progress;

  public WhatIfAnalysis(EventLog log, Replanner replanner, ReplayProgress progress) {
    this.log = log;
    this.replanner = replanner;
    this.progress = progress;
  }

  /** The comparison for the runs {@code query} selects (by trigger time and run id). */
  public WhatIfReport analyse(AuditQuery query) throws EventLogException {
    Map<RunId, Recorded> recorded = read(query);
    List<WhatIfReport.RunRow> rows = new ArrayList<>();
    Map<String, long[]> rules = new TreeMap<>();
    long started = System.nanoTime();
    int done = 0;
    for (Map.Entry<RunId, Recorded> e : recorded.entrySet()) {
      Recorded r = e.getValue();
      if (r.plan == null) {
        continue;
      }
      Replan replan = replanner.replan(r.trigger);
      rows.add(row(e.getKey(), r, replan));
      if (replan.error() == null) {
        count(rules, r.plan.rulesFired(), 0, r.legs());
        count(rules, replan.rulesFired(), 1, replan.legs());
      }
      if (++done % PROGRESS_EVERY == 0) {
        progress.update(done, System.nanoTime() - started, false);
      }
    }
    progress.update(done, System.nanoTime() - started, true);
    List<WhatIfReport.RuleRow> ruleRows = new ArrayList<>();
    rules.forEach(
        (rule, c) ->
            ruleRows.add(new WhatIfReport.RuleRow(rule, (int) c[0], (int) c[1], c[2], c[3])));
    return new WhatIfReport(rows, totals(rows), ruleRows);
  }

  private Map<RunId, Recorded> read(AuditQuery query) throws EventLogException {
    Map<RunId, Recorded> runs = new LinkedHashMap<>();
    log.replay(
        type -> type == TriggerReceived.class || type == MatrixFiltered.class,
        new EventLog.Sink() {
          @Override
          public boolean event(long index, Object payload) {
            if (payload instanceof TriggerReceived t && wanted(query, t)) {
              runs.putIfAbsent(t.runId(), new Recorded(t.trigger()));
            } else if (payload instanceof MatrixFiltered m && PIPELINE.equals(m.pipeline())) {
              Recorded r = runs.get(m.runId());
              if (r != null) {
                r.plan = m;
              }
            }
            return true;
          }

          @Override
          public void skipped(long index) {}
        });
    return runs;
  }

  private static boolean wanted(AuditQuery query, TriggerReceived t) {
    return (query.run() == null || query.run().equals(t.runId()))
        && (query.from() == null || !t.at().isBefore(query.from()))
        && (query.to() == null || !t.at().isAfter(query.to()));
  }

  private static WhatIfReport.RunRow row(RunId run, Recorded r, Replan replan) {
    Trigger t = r.trigger;
    String commit = t.isPullRequest() && t.headSha() != null ? t.headSha().value() : sha(t);
    return new WhatIfReport.RunRow(
        run.value(),
        t.kind().name().toLowerCase(java.util.Locale.ROOT),
        commit,
        r.legs(),
        replan.legs(),
        r.plan.runAll(),
        replan.runAll(),
        replan.error());
  }

  private static String sha(Trigger t) {
    return t.sha() == null ? "" : t.sha().value();
  }

  private static void count(Map<String, long[]> rules, List<String> fired, int side, int legs) {
    for (String rule : fired) {
      long[] c = rules.computeIfAbsent(rule, k -> new long[4]);
      c[side]++;
      c[2 + side] += legs;
    }
  }

  private static WhatIfReport.Totals totals(List<WhatIfReport.RunRow> rows) {
    int failed = 0;
    long recordedLegs = 0;
    long whatIfLegs = 0;
    int recordedRunAll = 0;
    int whatIfRunAll = 0;
    for (WhatIfReport.RunRow row : rows) {
      if (row.error() != null) {
        failed++;
        continue;
      }
      recordedLegs += row.recordedLegs();
      whatIfLegs += row.whatIfLegs();
      recordedRunAll += row.recordedRunAll() ? 1 : 0;
      whatIfRunAll += row.whatIfRunAll() ? 1 : 0;
    }
    return new WhatIfReport.Totals(
        rows.size(), failed, recordedLegs, whatIfLegs, recordedRunAll, whatIfRunAll);
  }

  /** A run's trigger and its recorded backend plan. */
  private static final class Recorded {
    final Trigger trigger;
    MatrixFiltered plan;

    Recorded(Trigger trigger) {
      this.trigger = trigger;
    }

    int legs() {
      return plan.legs().size();
    }
  }
}
