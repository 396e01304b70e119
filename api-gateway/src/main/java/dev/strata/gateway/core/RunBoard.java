package dev.strata.gateway.core;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.LegState;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RunEvent;
import dev.strata.domain.run.api.RunState;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's in-memory read model of every run, fed by {@link GatewayProjection}: run views, the
 * index of claimable legs per runner class, the active leases, and change notifications for
 * long-polling agents and live streams. Thread-safe: one processor thread writes, any thread reads.
 */
public final class RunBoard {
  private final Map<RunId, RunRecord> runs = new ConcurrentHashMap<>();
  private final List<RunId> order = new ArrayList<>();
  private final Map<RunnerClass, LinkedHashSet<LegRef>> claimable = new HashMap<>();
  private final Map<LegRef, Lease> leases = new ConcurrentHashMap<>();
  private final List<Runnable> waiters = new ArrayList<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** Sees every run event after the board applied it. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(RunEvent event, long sequence);
  }

  /** What an agent needs to build a leg it claimed. */
  public record ClaimContext(
      PlannedLeg leg, String pipeline, Trigger trigger, String concurrencyGroup) {}

  /** Applies one event of the run's stream. */
  public void apply(RunEvent event, long sequence) {
    boolean newClaimable;
    if (event instanceof TriggerReceived received) {
      if (runs.putIfAbsent(received.runId(), new RunRecord(received)) == null) {
        synchronized (order) {
          order.add(received.runId());
        }
      }
      newClaimable = false;
    } else {
      RunRecord run = runs.get(event.runId());
      if (run == null) {
        return;
      }
      synchronized (run) {
        List<LegRecord> changed = run.apply(event);
        newClaimable = refresh(run, changed == null ? run.legs.values() : changed);
      }
    }
    for (Listener listener : listeners) {
      listener.onEvent(event, sequence);
    }
    if (newClaimable) {
      wakeWaiters();
    }
  }

  private boolean refresh(RunRecord run, Collection<LegRecord> legs) {
    boolean added = false;
    for (LegRecord leg : legs) {
      LegRef ref = new LegRef(run.runId, leg.planned.legId());
      RunnerClass runnerClass = leg.planned.runnerClass();
      synchronized (claimable) {
        LinkedHashSet<LegRef> set =
            claimable.computeIfAbsent(runnerClass, c -> new LinkedHashSet<>());
        if (run.claimable(leg)) {
          added |= set.add(ref);
        } else {
          set.remove(ref);
        }
      }
      if (leg.state == LegState.CLAIMED && !run.state.isTerminal()) {
        leases.put(ref, new Lease(ref, AgentId.of(leg.holder), leg.leaseUntil));
      } else {
        leases.remove(ref);
      }
    }
    return added;
  }

  /** Up to {@code max} claimable legs of {@code classes}, oldest run first, minus {@code skip}. */
  public List<LegRef> claimable(Collection<RunnerClass> classes, Set<LegRef> skip, int max) {
    List<LegRef> out = new ArrayList<>();
    synchronized (claimable) {
      for (RunnerClass runnerClass : classes) {
        for (LegRef ref : claimable.getOrDefault(runnerClass, new LinkedHashSet<>())) {
          if (out.size() >= max) {
            return out;
          }
          if (!skip.contains(ref)) {
            out.add(ref);
          }
        }
      }
    }
    return out;
  }

  /** Takes a leg this process just won out of the claimable index before its event arrives. */
  public void claimedHere(LegRef ref, RunnerClass runnerClass) {
    synchronized (claimable) {
      LinkedHashSet<LegRef> set = claimable.get(runnerClass);
      if (set != null) {
        set.remove(ref);
      }
    }
  }

  /** The leg, its trigger and pipeline, for a claim answer. */
  public Optional<ClaimContext> claimContext(LegRef ref) {
    RunRecord run = runs.get(ref.runId());
    if (run == null) {
      return Optional.empty();
    }
    synchronized (run) {
      LegRecord leg = run.legs.get(ref.legId());
      return leg == null
          ? Optional.empty()
          : Optional.of(
              new ClaimContext(
                  leg.planned,
                  leg.pipeline,
                  run.received.trigger(),
                  run.received.concurrencyGroup()));
    }
  }

  /** Calls {@code waiter} once, at the next time a leg becomes claimable. */
  public void onClaimable(Runnable waiter) {
    synchronized (waiters) {
      waiters.add(waiter);
    }
  }

  private void wakeWaiters() {
    List<Runnable> woken;
    synchronized (waiters) {
      woken = new ArrayList<>(waiters);
      waiters.clear();
    }
    woken.forEach(Runnable::run);
  }

  /** Leases that ran out at or before {@code now}. */
  public List<Lease> leasesDueBy(Instant now) {
    return leases.values().stream().filter(l -> !l.until().isAfter(now)).toList();
  }

  /** Leases {@code agent} holds. */
  public List<Lease> leasesHeldBy(AgentId agent) {
    return leases.values().stream().filter(l -> l.holder().equals(agent)).toList();
  }

  /** Keeps the last log lines an agent reported for a leg (not recorded as events). */
  public void addLogLines(LegRef ref, List<String> lines) {
    RunRecord run = runs.get(ref.runId());
    if (run == null) {
      return;
    }
    synchronized (run) {
      LegRecord leg = run.legs.get(ref.legId());
      if (leg != null) {
        lines.forEach(leg::log);
        run.version++;
      }
    }
  }

  /** Registers a listener of applied events; closing the returned handle removes it. */
  public AutoCloseable subscribe(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** How many listeners (e.g. open event streams of status pages) follow the board now. */
  public int subscribers() {
    return listeners.size();
  }

  public Optional<RunViews.RunView> view(RunId runId) {
    RunRecord run = runs.get(runId);
    if (run == null) {
      return Optional.empty();
    }
    synchronized (run) {
      return Optional.of(run.view());
    }
  }

  /** The version of a run's view (changes on every event), or -1 when unknown. */
  public long version(RunId runId) {
    RunRecord run = runs.get(runId);
    if (run == null) {
      return -1;
    }
    synchronized (run) {
      return run.version;
    }
  }

  public Optional<RunState> state(RunId runId) {
    RunRecord run = runs.get(runId);
    if (run == null) {
      return Optional.empty();
    }
    synchronized (run) {
      return Optional.of(run.state);
    }
  }

  /** Newest runs first, filtered by state and branch (either may be null). */
  public List<RunViews.RunSummary> list(RunState state, String branch, int limit) {
    List<RunViews.RunSummary> out = new ArrayList<>();
    List<RunId> ids;
    synchronized (order) {
      ids = new ArrayList<>(order);
    }
    for (int i = ids.size() - 1; i >= 0 && out.size() < limit; i--) {
      RunRecord run = runs.get(ids.get(i));
      synchronized (run) {
        if ((state == null || run.state == state)
            && (branch == null || branch.equals(run.received.trigger().branch()))) {
          out.add(run.summary());
        }
      }
    }
    return out;
  }

  /** How many runs are in each state. */
  public Map<RunState, Long> runCounts() {
    Map<RunState, Long> counts = new EnumMap<>(RunState.class);
    for (RunState s : RunState.values()) {
      counts.put(s, 0L);
    }
    for (RunRecord run : runs.values()) {
      synchronized (run) {
        counts.merge(run.state, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** How many legs are in each state. */
  public Map<LegState, Long> legCounts() {
    Map<LegState, Long> counts = new EnumMap<>(LegState.class);
    for (LegState s : LegState.values()) {
      counts.put(s, 0L);
    }
    for (RunRecord run : runs.values()) {
      synchronized (run) {
        for (LegRecord leg : run.legs.values()) {
          counts.merge(leg.state, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** Forgets everything (before a replay). */
  public void clear() {
    runs.clear();
    synchronized (order) {
      order.clear();
    }
    synchronized (claimable) {
      claimable.clear();
    }
    leases.clear();
  }

  /** Runner classes with claimable legs, for diagnostics. */
  public Set<RunnerClass> runnerClassesWithWork() {
    synchronized (claimable) {
      Set<RunnerClass> out = new LinkedHashSet<>();
      claimable.forEach(
          (c, set) -> {
            if (!set.isEmpty()) {
              out.add(c);
            }
          });
      return out;
    }
  }
}
