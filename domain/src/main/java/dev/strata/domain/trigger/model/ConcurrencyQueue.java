package dev.strata.domain.trigger.model;

import dev.strata.domain.Values;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run queue of one concurrency group, as a pure state machine (DOMAIN.md 9, 15.5).
 *
 * <p>GitHub's rules ({@link #github()}): a group has at most one running and one pending run; a
 * newcomer cancels the pending run and waits behind the running one, or, with cancel-in-progress,
 * cancels the running one too and starts.
 *
 * <p>Strata's rule ({@link #strata()}, the default) adds hazard H2's fix: a release (tag push) run
 * is never cancelled by another run. Releases keep their own lane in the pending queue: a newcomer
 * that would have displaced a pending release queues behind it instead, and a cancel-in-progress
 * newcomer waits for a running release to finish. This protects releases from every newcomer, not
 * only from schedule and dispatch runs as 15.5 names them, because each release publishes version
 * tags that no other run publishes. Runs start in arrival order among what was not cancelled, so
 * the pending queue is: releases in arrival order, then at most one ordinary run.
 */
public final class ConcurrencyQueue {
  private final boolean protectReleases;

  private ConcurrencyQueue(boolean protectReleases) {
    this.protectReleases = protectReleases;
  }

  /** Strata's queue: releases are never cancelled (the default). */
  public static ConcurrencyQueue strata() {
    return new ConcurrencyQueue(true);
  }

  /** GitHub's queue exactly, release runs included (to reproduce or audit hazard H2). */
  public static ConcurrencyQueue github() {
    return new ConcurrencyQueue(false);
  }

  /**
   * A run in the queue.
   *
   * @param id the run
   * @param kind its trigger kind; {@link TriggerKind#TAG_PUSH} runs are releases
   */
  public record Run(RunId id, TriggerKind kind) {
    public Run {
      Values.required(id, "run id");
      Values.required(kind, "trigger kind");
    }

    public boolean isRelease() {
      return kind == TriggerKind.TAG_PUSH;
    }

    @Override
    public String toString() {
      return id + " (" + kind + ")";
    }
  }

  /**
   * A run asking to join a group.
   *
   * @param run the run
   * @param cancelInProgress the workflow's cancel-in-progress for this run
   */
  public record Newcomer(Run run, boolean cancelInProgress) {
    public Newcomer {
      Values.required(run, "run");
    }

    /** The newcomer for run {@code id} of {@code trigger} in a workflow using {@code scheme}. */
    public static Newcomer of(RunId id, Trigger trigger, ConcurrencyScheme scheme) {
      Values.required(trigger, "trigger");
      return new Newcomer(new Run(id, trigger.kind()), scheme.cancelInProgress(trigger));
    }
  }

  /**
   * A group's queue.
   *
   * @param group the group
   * @param running the running run, if any
   * @param pending the waiting runs in start order
   */
  public record State(ConcurrencyGroup group, Optional<Run> running, List<Run> pending) {
    public State {
      Values.required(group, "concurrency group");
      Values.required(running, "running run");
      pending = List.copyOf(Values.required(pending, "pending runs"));
      if (running.isEmpty() && !pending.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid queue of " + group + ": runs " + pending + " pend while nothing runs");
      }
    }

    /** A group with nothing running. */
    public static State empty(ConcurrencyGroup group) {
      return new State(group, Optional.empty(), List.of());
    }

    /** Whether {@code run} is running or pending here. */
    public boolean contains(RunId run) {
      return running.map(r -> r.id().equals(run)).orElse(false)
          || pending.stream().anyMatch(r -> r.id().equals(run));
    }
  }

  /** Why a run was cancelled. */
  public enum Reason {
    /** A newer run joined the group while this one was pending. */
    SUPERSEDED_WHILE_PENDING,
    /** A newer run with cancel-in-progress joined while this one was running. */
    CANCELLED_IN_PROGRESS
  }

  /**
   * One run to cancel.
   *
   * @param run the run to cancel
   * @param reason why
   * @param by the newcomer that caused it
   * @param message the reason as a sentence for the log and the audit
   */
  public record Cancellation(RunId run, Reason reason, RunId by, String message) {}

  /**
   * The outcome of a transition.
   *
   * @param cancel the runs to cancel, each with its reason
   * @param newState the group's queue afterwards
   * @param started the run that starts now, if any
   * @param protectedReleases releases GitHub would have cancelled here and Strata kept (H2)
   */
  public record Decision(
      List<Cancellation> cancel,
      State newState,
      Optional<RunId> started,
      List<RunId> protectedReleases) {
    public Decision {
      cancel = List.copyOf(cancel);
      protectedReleases = List.copyOf(protectedReleases);
    }
  }

  /** What happens when {@code newcomer} joins the group in {@code state}. */
  public Decision decide(State state, Newcomer newcomer) {
    Values.required(state, "queue state");
    Values.required(newcomer, "newcomer");
    Run arriving = newcomer.run();
    if (state.contains(arriving.id())) {
      throw new IllegalArgumentException(
          "Tried to queue run "
              + arriving
              + " in "
              + state.group()
              + " but failed because: it is already queued there");
    }
    List<Cancellation> cancel = new ArrayList<>();
    List<RunId> kept = new ArrayList<>();
    List<Run> pending = new ArrayList<>();
    for (Run p : state.pending()) {
      if (p.isRelease() && protectReleases) {
        pending.add(p);
        kept.add(p.id());
      } else {
        cancel.add(cancellation(p, Reason.SUPERSEDED_WHILE_PENDING, arriving, state.group()));
      }
    }
    Optional<Run> running = state.running();
    if (running.isPresent() && newcomer.cancelInProgress()) {
      Run r = running.get();
      if (r.isRelease() && protectReleases) {
        kept.add(r.id());
      } else {
        cancel.add(cancellation(r, Reason.CANCELLED_IN_PROGRESS, arriving, state.group()));
        running = Optional.empty();
      }
    }
    pending.add(arriving);
    Optional<RunId> started = Optional.empty();
    if (running.isEmpty()) {
      running = Optional.of(pending.remove(0));
      started = Optional.of(running.get().id());
    }
    return new Decision(cancel, new State(state.group(), running, pending), started, kept);
  }

  /**
   * What happens when {@code run} finishes or is cancelled by hand: a running run gives its place
   * to the first pending one; a pending run just leaves the queue.
   */
  public Decision finish(State state, RunId run) {
    Values.required(state, "queue state");
    Values.required(run, "run id");
    if (state.running().map(r -> r.id().equals(run)).orElse(false)) {
      List<Run> pending = new ArrayList<>(state.pending());
      Optional<Run> next = pending.isEmpty() ? Optional.empty() : Optional.of(pending.remove(0));
      return new Decision(
          List.of(), new State(state.group(), next, pending), next.map(Run::id), List.of());
    }
    List<Run> pending = new ArrayList<>(state.pending());
    if (!pending.removeIf(r -> r.id().equals(run))) {
      throw new IllegalArgumentException(
          "Tried to finish run "
              + run
              + " in "
              + state.group()
              + " but failed because: it is neither running nor pending there");
    }
    return new Decision(
        List.of(), new State(state.group(), state.running(), pending), Optional.empty(), List.of());
  }

  private static Cancellation cancellation(
      Run victim, Reason reason, Run by, ConcurrencyGroup group) {
    String how =
        reason == Reason.SUPERSEDED_WHILE_PENDING
            ? " was pending and is superseded by run "
            : " was running and is cancelled in progress by run ";
    return new Cancellation(
        victim.id(), reason, by.id(), "Run " + victim + how + by + " in group " + group);
  }
}
