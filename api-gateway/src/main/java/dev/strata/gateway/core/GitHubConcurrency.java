package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's concurrency semantics for the backend pipeline (DOMAIN.md 9): a group has at most one
 * running and one pending run; a pull-request run cancels the running and pending run of its group
 * (cancel-in-progress); any other run waits behind the running one and replaces the pending one.
 *
 * <p>With {@code releaseLane} (Strata's default, DOMAIN.md 15.5) a tag push gets a group of its own
 * per tag, so a schedule or dispatch run on the same commit can never cancel a release (hazard H2).
 * Without it tags share {@code ci-backends-<sha>-<repo>} with pushes, schedules and dispatches, as
 * in LocalAI.
 */
public final class GitHubConcurrency implements ConcurrencyPolicy {
  private final boolean releaseLane;

  public GitHubConcurrency(boolean releaseLane) {
    this.releaseLane = releaseLane;
  }

  @Override
  public String group(Trigger t) {
    String repo = t.repository().fullName();
    if (t.kind() == TriggerKind.PULL_REQUEST) {
      return "ci-backends-pr-" + t.prNumber() + "-" + repo;
    }
    if (t.kind() == TriggerKind.TAG_PUSH && releaseLane) {
      return "ci-backends-release-" + t.tag() + "-" + repo;
    }
    String commit = t.sha() != null ? t.sha().value() : t.ref() != null ? t.ref() : "default";
    return "ci-backends-" + commit + "-" + repo;
  }

  @Override
  public Decision admit(RunId incoming, Trigger t, String group, LaneState lane) {
    List<Cancellation> cancel = new ArrayList<>();
    if (t.kind() == TriggerKind.PULL_REQUEST) {
      String why =
          "superseded by run "
              + incoming
              + ": pull request #"
              + t.prNumber()
              + " was updated and group "
              + group
              + " cancels in progress";
      if (lane.running() != null) {
        cancel.add(new Cancellation(lane.running().runId(), why));
      }
      if (lane.pending() != null) {
        cancel.add(new Cancellation(lane.pending().runId(), why));
      }
      return new Decision(true, cancel);
    }
    if (lane.pending() != null) {
      cancel.add(
          new Cancellation(
              lane.pending().runId(),
              "replaced by newer pending run "
                  + incoming
                  + " of group "
                  + group
                  + " (a group keeps one running and one pending run)"));
    }
    return new Decision(lane.running() == null, cancel);
  }
}
