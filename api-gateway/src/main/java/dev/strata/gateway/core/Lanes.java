package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.model.ConcurrencyGroup;
import dev.strata.domain.trigger.model.ConcurrencyQueue;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Run;
import dev.strata.domain.trigger.model.ConcurrencyQueue.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue of every concurrency group as this process knows it ({@link ConcurrencyQueue.State}).
 * Fed by the admissions this process makes and by the event stream (runs admitted elsewhere, runs
 * starting and ending); each update applies a fact idempotently, so seeing a run twice (admitted
 * here, then as an event) is harmless. When a running run ends its first pending run takes its
 * place and {@link LaneStarter} sends {@code StartRun}.
 */
public final class Lanes {
  private final ConcurrencyQueue queue;
  private final Map<ConcurrencyGroup, State> lanes = new HashMap<>();
  private final Map<RunId, ConcurrencyGroup> groups = new HashMap<>();

  public Lanes(ConcurrencyQueue queue) {
    this.queue = queue;
  }

  /** The queue of {@code group} now. */
  public synchronized State state(ConcurrencyGroup group) {
    return lanes.getOrDefault(group, State.empty(group));
  }

  /**
   * Run {@code run} joined {@code group}, started or pending. A started run takes the running place
   * (a run it displaces is being cancelled in progress); a pending run joins the queue, or runs if
   * nothing does. Ignored for a run already known.
   */
  public synchronized void admitted(ConcurrencyGroup group, Run run, boolean started) {
    if (groups.putIfAbsent(run.id(), group) != null) {
      return;
    }
    State s = state(group);
    if (started || s.running().isEmpty()) {
      s.running().ifPresent(displaced -> groups.remove(displaced.id()));
      lanes.put(group, new State(group, Optional.of(run), s.pending()));
    } else {
      List<Run> pending = new ArrayList<>(s.pending());
      pending.add(run);
      lanes.put(group, new State(group, s.running(), pending));
    }
  }

  /** A pending run was started (by this process or another). */
  public synchronized void started(RunId runId) {
    ConcurrencyGroup group = groups.get(runId);
    State s = group == null ? null : lanes.get(group);
    if (s == null || s.running().map(r -> r.id().equals(runId)).orElse(false)) {
      return;
    }
    List<Run> pending = new ArrayList<>(s.pending());
    Optional<Run> run = pending.stream().filter(r -> r.id().equals(runId)).findFirst();
    if (run.isPresent()) {
      pending.remove(run.get());
      s.running().ifPresent(previous -> groups.remove(previous.id()));
      lanes.put(group, new State(group, run, pending));
    }
  }

  /** A run ended (completed or cancelled): the domain's queue decides who runs next. */
  public synchronized void ended(RunId runId) {
    ConcurrencyGroup group = groups.remove(runId);
    State s = group == null ? null : lanes.get(group);
    if (s == null || !s.contains(runId)) {
      return;
    }
    State next = queue.finish(s, runId).newState();
    if (next.running().isEmpty()) {
      lanes.remove(group);
    } else {
      lanes.put(group, next);
    }
  }

  /** Every run holding the running place of its group. */
  public synchronized List<RunId> runningRuns() {
    List<RunId> out = new ArrayList<>();
    for (State s : lanes.values()) {
      s.running().ifPresent(r -> out.add(r.id()));
    }
    return out;
  }

  /** Forgets everything (before a replay). */
  public synchronized void clear() {
    lanes.clear();
    groups.clear();
  }
}
