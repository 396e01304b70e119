package dev.strata.audit.core;

import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.audit.model.AuditRules;
import dev.strata.domain.audit.model.Auditor;
import dev.strata.domain.audit.model.MissExplainer;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;

/**
 * One replay of the whole log into a fresh audit model (never into live projections), with progress
 * every {@value #PROGRESS_EVERY} events.
 */
public final class AuditReplay {

  static final long PROGRESS_EVERY = 50_000;

  private final EventLog log;
  private final ReplayProgress progress;

  public AuditReplay(EventLog log, ReplayProgress progress) {
    this.log = log;
    this.progress = progress;
  }

  /** Replays everything and reports on {@code query}. */
  public AuditReport audit(AuditQuery query, AuditRules rules) throws EventLogException {
    Auditor auditor = new Auditor(query, rules);
    run(
        new Counting() {
          @Override
          boolean apply(long index, Object payload) {
            auditor.accept(index, payload);
            return true;
          }

          @Override
          void skip(long index) {
            auditor.skip(index);
          }
        },
        true);
    return auditor.report();
  }

  /** Replays up to the leg's build and explains its cache miss. */
  public MissExplanation explain(RunId run, LegId leg) throws EventLogException {
    MissExplainer explainer = new MissExplainer(run, leg);
    run(
        new Counting() {
          @Override
          boolean apply(long index, Object payload) {
            explainer.accept(index, payload);
            return !explainer.done();
          }

          @Override
          void skip(long index) {}
        },
        false);
    return explainer.explanation();
  }

  private void run(Counting sink, boolean audit) throws EventLogException {
    sink.started = System.nanoTime();
    log.replay(audit ? Auditor::audits : MissExplainer::reads, sink);
    progress.update(sink.count, System.nanoTime() - sink.started, true);
  }

  /** Counts events and reports progress. */
  private abstract class Counting implements EventLog.Sink {
    long count;
    long started;

    abstract boolean apply(long index, Object payload);

    abstract void skip(long index);

    @Override
    public boolean event(long index, Object payload) {
      tick();
      return apply(index, payload);
    }

    @Override
    public void skipped(long index) {
      tick();
      skip(index);
    }

    private void tick() {
      if (++count % PROGRESS_EVERY == 0) {
        progress.update(count, System.nanoTime() - started, false);
      }
    }
  }
}
