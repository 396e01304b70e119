package dev.strata.gateway.core;

import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.LegState;
import dev.strata.domain.run.api.PlannedLeg;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** The gateway's mutable picture of one leg; guarded by its run's monitor. */
final class LegRecord {
  private static final int MAX_LOG_LINES = 20;

  final PlannedLeg planned;
  final String pipeline;
  LegState state = LegState.WAITING;
  String holder;
  Instant leaseUntil;
  int attempts;
  String digest;
  boolean verified;
  int cachedSteps;
  int executedSteps;
  int cacheRefsRead;
  int cacheRefsWritten;
  int darwinHits;
  int darwinMisses;
  String failedStep;
  String failure;
  final ArrayDeque<String> log = new ArrayDeque<>();

  LegRecord(PlannedLeg planned, String pipeline) {
    this.planned = planned;
    this.pipeline = pipeline;
  }

  void claimed(String agent, Instant until, int attempt) {
    state = LegState.CLAIMED;
    holder = agent;
    leaseUntil = until;
    attempts = Math.max(attempts, attempt);
  }

  void unclaimed(String why) {
    state = LegState.WAITING;
    holder = null;
    leaseUntil = null;
    failure = why;
  }

  void built(String pushed, StepStats steps, int read, int written) {
    state = LegState.BUILT;
    holder = null;
    leaseUntil = null;
    digest = pushed;
    verified = pushed == null;
    cachedSteps = (int) steps.cachedCount();
    executedSteps = (int) steps.executedCount();
    cacheRefsRead = read;
    cacheRefsWritten = written;
    failure = null;
  }

  void failed(String step, String reason, List<String> lastLines) {
    state = LegState.FAILED;
    holder = null;
    leaseUntil = null;
    failedStep = step;
    failure = reason;
    lastLines.forEach(this::log);
  }

  void darwinRestore(CacheOutcome outcome) {
    if (outcome == CacheOutcome.HIT || outcome == CacheOutcome.PARTIAL) {
      darwinHits++;
    } else {
      darwinMisses++;
    }
  }

  void log(String line) {
    log.addLast(line);
    while (log.size() > MAX_LOG_LINES) {
      log.removeFirst();
    }
  }

  RunViews.LegView view() {
    return new RunViews.LegView(
        planned.legId().value(),
        pipeline,
        planned.runnerClass().value(),
        planned.mergeGroup().value(),
        planned.darwin(),
        state,
        holder,
        leaseUntil,
        attempts,
        digest,
        verified,
        cachedSteps,
        executedSteps,
        cacheRefsRead,
        cacheRefsWritten,
        darwinHits,
        darwinMisses,
        failedStep,
        failure,
        List.copyOf(log),
        planned.fields());
  }
}
