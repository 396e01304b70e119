package dev.strata.gateway.core;

import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.LegState;
import dev.strata.domain.run.api.RunState;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of runs, as the API and the status page show them. Immutable snapshots. */
public final class RunViews {
  private RunViews() {}

  /** One line of the run list. */
  public record RunSummary(
      String runId,
      RunState state,
      String kind,
      String repository,
      String ref,
      String sha,
      Integer prNumber,
      String concurrencyGroup,
      Instant receivedAt,
      Instant endedAt,
      int legs,
      int legsBuilt,
      int legsFailed,
      String cancelReason) {}

  /** Everything known about one run. */
  public record RunView(
      String runId,
      RunState state,
      String outcome,
      Trigger trigger,
      String deliveryId,
      String concurrencyGroup,
      List<String> pipelines,
      Instant receivedAt,
      Instant startedAt,
      Instant endedAt,
      String cancelReason,
      String cancelledBy,
      List<PlanView> plans,
      List<LegView> legs,
      List<MergeView> merges,
      List<RefusalView> refusals,
      long version) {}

  /** A pipeline's plan (or its failure). */
  public record PlanView(
      String pipeline,
      boolean planned,
      boolean runAll,
      String runAllReason,
      int legs,
      int mergeGroups,
      List<String> changedBackends,
      List<String> rulesFired,
      String failure) {}

  /** A leg: where it is, who holds it, what it pushed and how much came from cache. */
  public record LegView(
      String legId,
      String pipeline,
      String runnerClass,
      String mergeGroup,
      boolean darwin,
      LegState state,
      String holder,
      Instant leaseUntil,
      int attempts,
      String digest,
      boolean verified,
      int cachedSteps,
      int executedSteps,
      int cacheRefsRead,
      int cacheRefsWritten,
      int darwinCacheHits,
      int darwinCacheMisses,
      String failedStep,
      String failure,
      List<String> lastLogLines,
      Map<String, Scalar> fields) {}

  /** A merge group: published, deferred (and why) or open. */
  public record MergeView(
      String tagSuffix,
      String status,
      List<String> selectedLegs,
      List<String> tags,
      List<String> indexDigests,
      String deferReason,
      List<String> missing) {}

  /** A refused claim, as the audit sees it. */
  public record RefusalView(String legId, String agentId, String reason, Instant at) {}
}
