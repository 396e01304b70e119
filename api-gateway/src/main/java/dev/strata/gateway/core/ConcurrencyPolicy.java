package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.List;

/**
 * Decides a trigger's concurrency group and whether its run starts, waits or cancels others
 * (DOMAIN.md 9 and 15.5). Pure: the state of the group is passed in.
 */
public interface ConcurrencyPolicy {

  /** The concurrency group of {@code trigger}, e.g. {@code ci-backends-<sha>-mudler/LocalAI}. */
  String group(Trigger trigger);

  /** What to do with a new run {@code incoming} of {@code trigger} given its group's lane. */
  Decision admit(RunId incoming, Trigger trigger, String group, LaneState lane);

  /** A run in a lane and what triggered it. */
  record LaneRun(RunId runId, TriggerKind kind) {}

  /** A group's running and pending run; either may be null. */
  record LaneState(LaneRun running, LaneRun pending) {
    public static final LaneState EMPTY = new LaneState(null, null);
  }

  /** A run to cancel and why (the reason goes into {@code RunCancelled}). */
  record Cancellation(RunId runId, String reason) {}

  /** Start now (true) or wait behind the running run, and which runs to cancel. */
  record Decision(boolean start, List<Cancellation> cancel) {
    public Decision {
      cancel = List.copyOf(cancel);
    }
  }
}
