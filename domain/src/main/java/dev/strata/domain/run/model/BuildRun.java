package dev.strata.domain.run.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ClaimLeg;
import dev.strata.domain.run.api.ClaimOutcome;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.DeferMerge;
import dev.strata.domain.run.api.ExpireLease;
import dev.strata.domain.run.api.ExtendLease;
import dev.strata.domain.run.api.KeepaliveTagsCleaned;
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
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordKeepaliveCleanup;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.run.api.RecordManifestMerge;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.RecordPlanningFailure;
import dev.strata.domain.run.api.ReleaseLeg;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunOutcome;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.domain.run.api.RunStarted;
import dev.strata.domain.run.api.RunState;
import dev.strata.domain.run.api.StartRun;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One run per trigger. Lifecycle: trigger received (pending or started) → matrix planned per
 * pipeline → legs claimed, built or failed → merge groups merged or deferred → completed, unless
 * cancelled first. Command handlers decide and apply; event-sourcing handlers only assign.
 *
 * <p>Refusals the audit must see (contested claims) are events ({@link LegClaimRejected}); commands
 * that contradict the record (unknown leg, a second different digest, anything after cancellation)
 * throw {@link RunRefusedException}. Repeating a recorded fact (the same digest, the same failure,
 * the same merge) is a no-op.
 */
public class BuildRun {

  @AggregateIdentifier private RunId runId;
  private Trigger trigger;
  private RunState state;
  private final Set<String> expectedPipelines = new HashSet<>();
  private final Map<String, MatrixFiltered> plans = new LinkedHashMap<>();
  private final Set<String> failedPipelines = new HashSet<>();
  private final Map<LegId, Leg> legs = new LinkedHashMap<>();
  private final Map<TagSuffix, Merge> merges = new LinkedHashMap<>();

  /** Per-leg state, assigned only by event-sourcing handlers. */
  private static final class Leg {
    LegState state = LegState.WAITING;
    AgentId holder;
    AgentId lastHolder;
    Instant leaseUntil;
    int attempts;
    Digest digest;
    boolean verified;

    // equals/hashCode let Axon's fixture compare command-handled and re-sourced state
    @Override
    public boolean equals(Object o) {
      return o instanceof Leg l
          && state == l.state
          && Objects.equals(holder, l.holder)
          && Objects.equals(lastHolder, l.lastHolder)
          && Objects.equals(leaseUntil, l.leaseUntil)
          && attempts == l.attempts
          && Objects.equals(digest, l.digest)
          && verified == l.verified;
    }

    @Override
    public int hashCode() {
      return Objects.hash(state, holder, lastHolder, leaseUntil, attempts, digest, verified);
    }
  }

  private enum MergeStatus {
    OPEN,
    MERGED,
    DEFERRED
  }

  /** Per-merge-group state. */
  private static final class Merge {
    final MergeGroup group;
    MergeStatus status = MergeStatus.OPEN;
    List<PublishedIndex> indexes = List.of();
    String deferReason;

    Merge(MergeGroup group) {
      this.group = group;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Merge m
          && group.equals(m.group)
          && status == m.status
          && indexes.equals(m.indexes)
          && Objects.equals(deferReason, m.deferReason);
    }

    @Override
    public int hashCode() {
      return Objects.hash(group, status, indexes, deferReason);
    }
  }

  /** For Axon. */
  protected BuildRun() {}

  @CommandHandler
  public BuildRun(ReceiveTrigger cmd) {
    if (cmd.pipelines().isEmpty()) {
      throw new IllegalArgumentException("A run needs at least one pipeline to plan");
    }
    apply(
        new TriggerReceived(
            cmd.runId(),
            cmd.trigger(),
            cmd.deliveryId(),
            cmd.concurrencyGroup(),
            List.copyOf(cmd.pipelines()),
            cmd.started(),
            cmd.at()));
  }

  @CommandHandler
  public void handle(StartRun cmd) {
    refuseIfCancelled("start");
    if (state == RunState.PENDING) {
      apply(new RunStarted(runId, cmd.at()));
    }
  }

  @CommandHandler
  public void handle(RecordMatrix cmd) {
    refuseIfCancelled("record the matrix of pipeline " + cmd.pipeline());
    if (!expectedPipelines.contains(cmd.pipeline())) {
      throw refused(
          "record a plan for pipeline '" + cmd.pipeline() + "'",
          "the run only plans " + expectedPipelines);
    }
    MatrixFiltered event =
        new MatrixFiltered(
            runId,
            cmd.pipeline(),
            cmd.runAll(),
            cmd.runAllReason(),
            cmd.legs(),
            cmd.mergeGroups(),
            cmd.changedBackends(),
            cmd.rulesFired(),
            cmd.at());
    MatrixFiltered previous = plans.get(cmd.pipeline());
    if (previous != null) {
      if (samePlan(previous, event)) {
        return;
      }
      throw refused(
          "record a second, different plan for pipeline " + cmd.pipeline(),
          "it was planned already");
    }
    if (failedPipelines.contains(cmd.pipeline())) {
      throw refused(
          "record a plan for pipeline " + cmd.pipeline(), "its planning failure was recorded");
    }
    validatePlan(event);
    apply(event);
    completeIfDone(cmd.at());
  }

  private static boolean samePlan(MatrixFiltered a, MatrixFiltered b) {
    return a.legs().equals(b.legs())
        && a.mergeGroups().equals(b.mergeGroups())
        && a.runAll() == b.runAll();
  }

  private void validatePlan(MatrixFiltered plan) {
    Set<LegId> ids = new HashSet<>();
    for (PlannedLeg leg : plan.legs()) {
      if (!ids.add(leg.legId()) || legs.containsKey(leg.legId())) {
        throw refused(
            "record the plan of " + plan.pipeline(), "leg " + leg.legId() + " appears twice");
      }
    }
    for (MergeGroup group : plan.mergeGroups()) {
      if (merges.containsKey(group.tagSuffix())) {
        throw refused(
            "record the plan of " + plan.pipeline(),
            "merge group '" + group.tagSuffix() + "' is already planned");
      }
      for (LegId leg : group.selectedLegs()) {
        if (!ids.contains(leg)) {
          throw refused(
              "record the plan of " + plan.pipeline(),
              "merge group '"
                  + group.tagSuffix()
                  + "' selects leg "
                  + leg
                  + " that the plan does not build");
        }
      }
    }
  }

  @CommandHandler
  public void handle(RecordPlanningFailure cmd) {
    refuseIfCancelled("record a planning failure");
    if (plans.containsKey(cmd.pipeline()) || failedPipelines.contains(cmd.pipeline())) {
      return;
    }
    apply(new MatrixPlanningFailed(runId, cmd.pipeline(), cmd.reason(), cmd.at()));
    completeIfDone(cmd.at());
  }

  @CommandHandler
  public ClaimOutcome handle(ClaimLeg cmd) {
    refuseIfCancelled("claim leg " + cmd.legId());
    Leg leg = knownLeg(cmd.legId(), "claim");
    String rejection = claimRejection(leg, cmd);
    if (rejection != null) {
      apply(
          new LegClaimRejected(runId, cmd.legId(), cmd.agentId(), rejection, leg.holder, cmd.at()));
      return ClaimOutcome.refused(rejection);
    }
    if (leg.state == LegState.CLAIMED && cmd.agentId().equals(leg.holder)) {
      return ClaimOutcome.granted(leg.leaseUntil, leg.attempts);
    }
    if (leg.state == LegState.CLAIMED) {
      apply(
          new LegLeaseExpired(
              runId,
              cmd.legId(),
              leg.holder,
              "lease ran out at " + leg.leaseUntil + " without a heartbeat",
              cmd.at()));
    }
    apply(
        new LegClaimed(
            runId, cmd.legId(), cmd.agentId(), cmd.leaseUntil(), leg.attempts + 1, cmd.at()));
    return ClaimOutcome.granted(cmd.leaseUntil(), leg.attempts);
  }

  private String claimRejection(Leg leg, ClaimLeg cmd) {
    if (state == RunState.PENDING) {
      return "the run is pending behind a running run of its concurrency group";
    }
    if (state.isTerminal()) {
      return "the run has ended (" + state + ")";
    }
    if (leg.state.isTerminal()) {
      return "the leg has already " + (leg.state == LegState.BUILT ? "been built" : "failed");
    }
    if (leg.state == LegState.CLAIMED
        && !cmd.agentId().equals(leg.holder)
        && leg.leaseUntil.isAfter(cmd.at())) {
      return "the leg is held by agent " + leg.holder + " until " + leg.leaseUntil;
    }
    return null;
  }

  @CommandHandler
  public boolean handle(ExtendLease cmd) {
    refuseIfCancelled("extend the lease of " + cmd.legId());
    Leg leg = knownLeg(cmd.legId(), "extend the lease of");
    if (leg.state != LegState.CLAIMED || !cmd.agentId().equals(leg.holder)) {
      return false;
    }
    apply(new LegLeaseExtended(runId, cmd.legId(), cmd.agentId(), cmd.leaseUntil(), cmd.at()));
    return true;
  }

  @CommandHandler
  public boolean handle(ExpireLease cmd) {
    Leg leg = knownLeg(cmd.legId(), "expire the lease of");
    if (state == RunState.CANCELLED
        || leg.state != LegState.CLAIMED
        || leg.leaseUntil.isAfter(cmd.at())) {
      return false;
    }
    apply(new LegLeaseExpired(runId, cmd.legId(), leg.holder, cmd.reason(), cmd.at()));
    return true;
  }

  @CommandHandler
  public void handle(ReleaseLeg cmd) {
    refuseIfCancelled("release " + cmd.legId());
    Leg leg = knownLeg(cmd.legId(), "release");
    if (leg.state != LegState.CLAIMED || !cmd.agentId().equals(leg.holder)) {
      return;
    }
    apply(new LegReleased(runId, cmd.legId(), cmd.agentId(), cmd.reason(), cmd.at()));
  }

  @CommandHandler
  public void handle(RecordArchDigest cmd) {
    refuseIfCancelled("record digest " + cmd.digest() + " for " + cmd.legId());
    Leg leg = knownLeg(cmd.legId(), "record a digest for");
    if (leg.state == LegState.BUILT) {
      if (cmd.digest().equals(leg.digest)) {
        return;
      }
      throw refused(
          "record digest " + cmd.digest() + " for " + cmd.legId(),
          "it already pushed " + (leg.digest == null ? "a verification build" : leg.digest));
    }
    requireReporter(leg, cmd.legId(), cmd.agentId(), "record a digest for");
    apply(
        new ArchDigestPushed(
            runId,
            cmd.legId(),
            cmd.agentId(),
            cmd.digest(),
            cmd.pushedTo(),
            cmd.anchor(),
            cmd.cacheRead(),
            cmd.cacheWritten(),
            cmd.provenance(),
            cmd.steps(),
            cmd.inputs(),
            cmd.at()));
    completeIfDone(cmd.at());
  }

  @CommandHandler
  public void handle(RecordLegVerified cmd) {
    refuseIfCancelled("record a verification build of " + cmd.legId());
    Leg leg = knownLeg(cmd.legId(), "record a verification build of");
    if (leg.state == LegState.BUILT) {
      if (leg.verified) {
        return;
      }
      throw refused(
          "record a verification build of " + cmd.legId(), "it already pushed " + leg.digest);
    }
    requireReporter(leg, cmd.legId(), cmd.agentId(), "record a verification build of");
    apply(
        new LegVerified(
            runId,
            cmd.legId(),
            cmd.agentId(),
            cmd.pushedTags(),
            cmd.cacheRead(),
            cmd.cacheWritten(),
            cmd.steps(),
            cmd.inputs(),
            cmd.at()));
    completeIfDone(cmd.at());
  }

  @CommandHandler
  public void handle(RecordLegFailure cmd) {
    refuseIfCancelled("record a failure of " + cmd.legId());
    Leg leg = knownLeg(cmd.legId(), "record a failure of");
    if (leg.state == LegState.FAILED) {
      return;
    }
    if (leg.state == LegState.BUILT) {
      throw refused("record a failure of " + cmd.legId(), "it was built already");
    }
    requireReporter(leg, cmd.legId(), cmd.agentId(), "record a failure of");
    apply(
        new LegFailed(
            runId,
            cmd.legId(),
            cmd.agentId(),
            cmd.failedStep(),
            cmd.reason(),
            cmd.lastLogLines(),
            cmd.at()));
    completeIfDone(cmd.at());
  }

  private void requireReporter(Leg leg, LegId legId, AgentId agent, String action) {
    boolean holds = leg.state == LegState.CLAIMED && agent.equals(leg.holder);
    boolean heldLastAndNobodyElse = leg.state == LegState.WAITING && agent.equals(leg.lastHolder);
    if (!holds && !heldLastAndNobodyElse) {
      String why =
          leg.state == LegState.CLAIMED
              ? "the leg is held by agent " + leg.holder
              : "agent " + agent + " never claimed it";
      throw refused(action + " " + legId + " from agent " + agent, why);
    }
  }

  @CommandHandler
  public void handle(RecordDarwinCacheRestore cmd) {
    refuseIfCancelled("record a cache restore for " + cmd.legId());
    knownLeg(cmd.legId(), "record a cache restore for");
    apply(
        new DarwinCacheRestored(
            runId,
            cmd.legId(),
            cmd.cache(),
            cmd.key(),
            cmd.outcome(),
            cmd.matchedKey(),
            cmd.bytes(),
            cmd.at()));
  }

  @CommandHandler
  public void handle(RecordDarwinCacheSave cmd) {
    refuseIfCancelled("record a cache save for " + cmd.legId());
    knownLeg(cmd.legId(), "record a cache save for");
    apply(
        new DarwinCacheSaved(
            runId, cmd.legId(), cmd.cache(), cmd.key(), cmd.bytes(), cmd.gated(), cmd.at()));
  }

  @CommandHandler
  public void handle(RecordManifestMerge cmd) {
    refuseIfCancelled("record the merge of '" + cmd.tagSuffix() + "'");
    Merge merge = knownMerge(cmd.tagSuffix(), "record the merge of");
    if (merge.status == MergeStatus.MERGED) {
      if (merge.indexes.equals(cmd.indexes())) {
        return;
      }
      throw refused(
          "record a second, different index for '" + cmd.tagSuffix() + "'",
          "it was merged already as " + merge.indexes);
    }
    apply(new ManifestMerged(runId, cmd.tagSuffix(), cmd.indexes(), cmd.sources(), cmd.at()));
    completeIfDone(cmd.at());
  }

  @CommandHandler
  public void handle(DeferMerge cmd) {
    refuseIfCancelled("defer the merge of '" + cmd.tagSuffix() + "'");
    Merge merge = knownMerge(cmd.tagSuffix(), "defer the merge of");
    if (merge.status == MergeStatus.MERGED) {
      throw refused("defer the merge of '" + cmd.tagSuffix() + "'", "it was merged already");
    }
    if (merge.status == MergeStatus.DEFERRED && cmd.reason().equals(merge.deferReason)) {
      return;
    }
    apply(new MergeDeferred(runId, cmd.tagSuffix(), cmd.reason(), cmd.missing(), cmd.at()));
    completeIfDone(cmd.at());
  }

  @CommandHandler
  public void handle(RecordKeepaliveCleanup cmd) {
    refuseIfCancelled("record the keepalive clean-up of '" + cmd.tagSuffix() + "'");
    knownMerge(cmd.tagSuffix(), "record the keepalive clean-up of");
    apply(new KeepaliveTagsCleaned(runId, cmd.tagSuffix(), cmd.outcomes(), cmd.at()));
  }

  @CommandHandler
  public void handle(CancelRun cmd) {
    if (state == RunState.CANCELLED) {
      return;
    }
    if (state.isTerminal()) {
      throw refused("cancel run " + runId, "it has already ended (" + state + ")");
    }
    apply(new RunCancelled(runId, cmd.reason(), cmd.cancelledBy(), cmd.at()));
  }

  private void completeIfDone(Instant at) {
    if (state.isTerminal()) {
      return;
    }
    for (String pipeline : expectedPipelines) {
      if (!plans.containsKey(pipeline) && !failedPipelines.contains(pipeline)) {
        return;
      }
    }
    boolean failed = !failedPipelines.isEmpty();
    for (Leg leg : legs.values()) {
      if (!leg.state.isTerminal()) {
        return;
      }
      failed |= leg.state == LegState.FAILED;
    }
    if (!trigger.isPullRequest()) {
      for (Merge merge : merges.values()) {
        if (merge.status == MergeStatus.OPEN) {
          return;
        }
        failed |= merge.status == MergeStatus.DEFERRED;
      }
    }
    apply(new RunCompleted(runId, failed ? RunOutcome.FAILED : RunOutcome.SUCCEEDED, at));
  }

  private void refuseIfCancelled(String action) {
    if (state == RunState.CANCELLED) {
      throw refused(action, "run " + runId + " was cancelled");
    }
  }

  private Leg knownLeg(LegId legId, String action) {
    Leg leg = legs.get(legId);
    if (leg == null) {
      throw refused(
          action + " " + legId,
          "run " + runId + " has no such leg (planned: " + legs.keySet() + ")");
    }
    return leg;
  }

  private Merge knownMerge(TagSuffix suffix, String action) {
    Merge merge = merges.get(suffix);
    if (merge == null) {
      throw refused(
          action + " '" + suffix + "'",
          "run " + runId + " has no such merge group (planned: " + merges.keySet() + ")");
    }
    return merge;
  }

  private RunRefusedException refused(String action, String reason) {
    return new RunRefusedException("Tried to " + action + " but failed because: " + reason);
  }

  // ---- event sourcing: assignments only ----

  @EventSourcingHandler
  void on(TriggerReceived e) {
    runId = e.runId();
    trigger = e.trigger();
    expectedPipelines.addAll(e.pipelines());
    state = e.started() ? RunState.RUNNING : RunState.PENDING;
  }

  @EventSourcingHandler
  void on(RunStarted e) {
    state = RunState.RUNNING;
  }

  @EventSourcingHandler
  void on(MatrixFiltered e) {
    plans.put(e.pipeline(), e);
    for (PlannedLeg leg : e.legs()) {
      legs.put(leg.legId(), new Leg());
    }
    for (MergeGroup group : e.mergeGroups()) {
      merges.put(group.tagSuffix(), new Merge(group));
    }
  }

  @EventSourcingHandler
  void on(MatrixPlanningFailed e) {
    failedPipelines.add(e.pipeline());
  }

  @EventSourcingHandler
  void on(LegClaimed e) {
    Leg leg = legs.get(e.legId());
    leg.state = LegState.CLAIMED;
    leg.holder = e.agentId();
    leg.lastHolder = e.agentId();
    leg.leaseUntil = e.leaseUntil();
    leg.attempts = e.attempt();
  }

  @EventSourcingHandler
  void on(LegLeaseExtended e) {
    legs.get(e.legId()).leaseUntil = e.leaseUntil();
  }

  @EventSourcingHandler
  void on(LegLeaseExpired e) {
    unclaim(legs.get(e.legId()));
  }

  @EventSourcingHandler
  void on(LegReleased e) {
    unclaim(legs.get(e.legId()));
  }

  private static void unclaim(Leg leg) {
    leg.state = LegState.WAITING;
    leg.holder = null;
    leg.leaseUntil = null;
  }

  @EventSourcingHandler
  void on(ArchDigestPushed e) {
    Leg leg = legs.get(e.legId());
    leg.state = LegState.BUILT;
    leg.digest = e.digest();
    leg.holder = null;
  }

  @EventSourcingHandler
  void on(LegVerified e) {
    Leg leg = legs.get(e.legId());
    leg.state = LegState.BUILT;
    leg.verified = true;
    leg.holder = null;
  }

  @EventSourcingHandler
  void on(LegFailed e) {
    Leg leg = legs.get(e.legId());
    leg.state = LegState.FAILED;
    leg.holder = null;
  }

  @EventSourcingHandler
  void on(ManifestMerged e) {
    Merge merge = merges.get(e.tagSuffix());
    merge.status = MergeStatus.MERGED;
    merge.indexes = new ArrayList<>(e.indexes());
  }

  @EventSourcingHandler
  void on(MergeDeferred e) {
    Merge merge = merges.get(e.tagSuffix());
    merge.status = MergeStatus.DEFERRED;
    merge.deferReason = e.reason();
  }

  @EventSourcingHandler
  void on(RunCancelled e) {
    state = RunState.CANCELLED;
  }

  @EventSourcingHandler
  void on(RunCompleted e) {
    state = e.outcome() == RunOutcome.SUCCEEDED ? RunState.SUCCEEDED : RunState.FAILED;
  }
}
