package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.core.ConcurrencyPolicy.LaneRun;
import dev.strata.gateway.core.ConcurrencyPolicy.LaneState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running and pending run of every concurrency group, as this process knows them. Fed by the
 * admissions this process makes and by the event stream (runs admitted elsewhere, runs ending);
 * every update is idempotent, so seeing a run twice (once admitted here, once as an event) is
 * harmless. When a running run ends, its pending run takes its place; {@link LaneStarter} then
 * sends {@code StartRun}.
 */
public final class Lanes {
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Map<RunId, String> groups = new HashMap<>();

  private static final class Lane {
    LaneRun running;
    LaneRun pending;
  }

  /** The lane of {@code group} now. */
  public synchronized LaneState state(String group) {
    Lane lane = lanes.get(group);
    return lane == null ? LaneState.EMPTY : new LaneState(lane.running, lane.pending);
  }

  /** A run was admitted to {@code group}, started or pending. Ignored for a known run. */
  public synchronized void admitted(String group, LaneRun run, boolean started) {
    if (groups.putIfAbsent(run.runId(), group) != null) {
      return;
    }
    Lane lane = lanes.computeIfAbsent(group, g -> new Lane());
    if (started) {
      lane.running = run;
    } else {
      lane.pending = run;
    }
  }

  /** A pending run was started (by this process or another). */
  public synchronized void started(RunId runId) {
    Lane lane = laneOf(runId);
    if (lane != null && lane.pending != null && lane.pending.runId().equals(runId)) {
      lane.running = lane.pending;
      lane.pending = null;
    }
  }

  /** A run ended (completed or cancelled): its pending successor, if any, becomes running. */
  public synchronized void ended(RunId runId) {
    String group = groups.remove(runId);
    Lane lane = group == null ? null : lanes.get(group);
    if (lane == null) {
      return;
    }
    if (lane.running != null && lane.running.runId().equals(runId)) {
      lane.running = lane.pending;
      lane.pending = null;
    } else if (lane.pending != null && lane.pending.runId().equals(runId)) {
      lane.pending = null;
    }
    if (lane.running == null && lane.pending == null) {
      lanes.remove(group);
    }
  }

  /** Every run that holds the running place of its group. */
  public synchronized List<RunId> runningRuns() {
    List<RunId> out = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      if (lane.running != null) {
        out.add(lane.running.runId());
      }
    }
    return out;
  }

  /** Forgets everything (before a replay). */
  public synchronized void clear() {
    lanes.clear();
    groups.clear();
  }

  private Lane laneOf(RunId runId) {
    String group = groups.get(runId);
    return group == null ? null : lanes.get(group);
  }
}
