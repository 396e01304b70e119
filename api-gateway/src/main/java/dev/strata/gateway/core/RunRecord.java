package dev.strata.gateway.core;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.LegClaimRejected;
import dev.strata.domain.run.api.LegClaimed;
import dev.strata.domain.run.api.LegFailed;
import dev.strata.domain.run.api.LegLeaseExpired;
import dev.strata.domain.run.api.LegLeaseExtended;
import dev.strata.domain.run.api.LegReleased;
import dev.strata.domain.run.api.LegState;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MatrixPlanningFailed;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunEvent;
import dev.strata.domain.run.api.RunOutcome;
import dev.strata.domain.run.api.RunStarted;
import dev.strata.domain.run.api.RunState;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.core.RunViews.PlanView;
import dev.strata.gateway.core.RunViews.RefusalView;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's mutable picture of one run, changed only by {@link RunBoard} while it holds the
 * run's monitor. {@link #view()} takes an immutable snapshot.
 */
final class RunRecord {
  private static final int MAX_REFUSALS = 50;

  final RunId runId;
  final TriggerReceived received;
  RunState state;
  String outcome;
  Instant startedAt;
  Instant endedAt;
  String cancelReason;
  String cancelledBy;
  long version;
  final Map<String, PlanView> plans = new LinkedHashMap<>();
  final Map<LegId, LegRecord> legs = new LinkedHashMap<>();
  final Map<TagSuffix, MergeRecord> merges = new LinkedHashMap<>();
  final ArrayDeque<RefusalView> refusals = new ArrayDeque<>();

  RunRecord(TriggerReceived e) {
    this.runId = e.runId();
    this.received = e;
    this.state = e.started() ? RunState.RUNNING : RunState.PENDING;
    this.startedAt = e.started() ? e.at() : null;
    for (String pipeline : e.pipelines()) {
      plans.put(pipeline, new PlanView(pipeline, false, false, "", 0, 0, List.of(), List.of(), ""));
    }
  }

  /** Applies {@code e}; returns the legs whose claimability may have changed (null: all). */
  List<LegRecord> apply(RunEvent e) {
    version++;
    if (e instanceof RunStarted s) {
      state = RunState.RUNNING;
      startedAt = s.at();
      return null;
    } else if (e instanceof MatrixFiltered m) {
      plans.put(
          m.pipeline(),
          new PlanView(
              m.pipeline(),
              true,
              m.runAll(),
              m.runAllReason(),
              m.legs().size(),
              m.mergeGroups().size(),
              m.changedBackends(),
              m.rulesFired(),
              ""));
      List<LegRecord> added = new ArrayList<>();
      for (PlannedLeg leg : m.legs()) {
        LegRecord record = new LegRecord(leg, m.pipeline());
        legs.put(leg.legId(), record);
        added.add(record);
      }
      for (MergeGroup group : m.mergeGroups()) {
        merges.put(group.tagSuffix(), new MergeRecord(group));
      }
      return added;
    } else if (e instanceof MatrixPlanningFailed f) {
      plans.put(
          f.pipeline(),
          new PlanView(f.pipeline(), false, false, "", 0, 0, List.of(), List.of(), f.reason()));
    } else if (e instanceof LegClaimRejected r) {
      refusals.addLast(new RefusalView(r.legId().value(), r.agentId().value(), r.reason(), r.at()));
      if (refusals.size() > MAX_REFUSALS) {
        refusals.removeFirst();
      }
    } else if (e instanceof RunCancelled c) {
      state = RunState.CANCELLED;
      cancelReason = c.reason();
      cancelledBy = c.cancelledBy();
      endedAt = c.at();
      return null;
    } else if (e instanceof RunCompleted c) {
      state = c.outcome() == RunOutcome.SUCCEEDED ? RunState.SUCCEEDED : RunState.FAILED;
      outcome = c.outcome().name();
      endedAt = c.at();
      return null;
    } else {
      return applyToLegOrMerge(e);
    }
    return List.of();
  }

  private List<LegRecord> applyToLegOrMerge(RunEvent e) {
    if (e instanceof ManifestMerged m) {
      MergeRecord merge = merges.get(m.tagSuffix());
      if (merge != null) {
        merge.merged(m);
      }
      return List.of();
    }
    if (e instanceof MergeDeferred d) {
      MergeRecord merge = merges.get(d.tagSuffix());
      if (merge != null) {
        merge.deferred(d);
      }
      return List.of();
    }
    LegRecord leg = legs.get(legIdOf(e));
    if (leg == null) {
      return List.of();
    }
    if (e instanceof LegClaimed c) {
      leg.claimed(c.agentId().value(), c.leaseUntil(), c.attempt());
    } else if (e instanceof LegLeaseExtended x) {
      leg.leaseUntil = x.leaseUntil();
    } else if (e instanceof LegLeaseExpired x) {
      leg.unclaimed("lease expired: " + x.reason());
    } else if (e instanceof LegReleased r) {
      leg.unclaimed("released: " + r.reason());
    } else if (e instanceof ArchDigestPushed p) {
      leg.built(p.digest().value(), p.steps(), p.cacheRead().size(), p.cacheWritten().size());
    } else if (e instanceof LegVerified v) {
      leg.built(null, v.steps(), v.cacheRead().size(), v.cacheWritten().size());
    } else if (e instanceof LegFailed f) {
      leg.failed(f.failedStep(), f.reason(), f.lastLogLines());
    } else if (e instanceof DarwinCacheRestored r) {
      leg.darwinRestore(r.outcome());
    }
    return List.of(leg);
  }

  private static LegId legIdOf(RunEvent e) {
    if (e instanceof LegClaimed c) {
      return c.legId();
    } else if (e instanceof LegLeaseExtended x) {
      return x.legId();
    } else if (e instanceof LegLeaseExpired x) {
      return x.legId();
    } else if (e instanceof LegReleased r) {
      return r.legId();
    } else if (e instanceof ArchDigestPushed p) {
      return p.legId();
    } else if (e instanceof LegVerified v) {
      return v.legId();
    } else if (e instanceof LegFailed f) {
      return f.legId();
    } else if (e instanceof DarwinCacheRestored r) {
      return r.legId();
    }
    return null;
  }

  /** Whether {@code leg} can be claimed now. */
  boolean claimable(LegRecord leg) {
    return state == RunState.RUNNING && leg.state == LegState.WAITING;
  }

  RunViews.RunView view() {
    return new RunViews.RunView(
        runId.value(),
        state,
        outcome,
        received.trigger(),
        received.deliveryId(),
        received.concurrencyGroup(),
        received.pipelines(),
        received.at(),
        startedAt,
        endedAt,
        cancelReason,
        cancelledBy,
        List.copyOf(plans.values()),
        legs.values().stream().map(LegRecord::view).toList(),
        merges.values().stream().map(MergeRecord::view).toList(),
        List.copyOf(refusals),
        version);
  }

  RunViews.RunSummary summary() {
    int built = 0;
    int failed = 0;
    for (LegRecord leg : legs.values()) {
      built += leg.state == LegState.BUILT ? 1 : 0;
      failed += leg.state == LegState.FAILED ? 1 : 0;
    }
    var t = received.trigger();
    return new RunViews.RunSummary(
        runId.value(),
        state,
        t.kind().name(),
        t.repository().fullName(),
        t.ref(),
        t.sha() == null ? null : t.sha().value(),
        t.prNumber(),
        received.concurrencyGroup(),
        received.at(),
        endedAt,
        legs.size(),
        built,
        failed,
        cancelReason);
  }
}
