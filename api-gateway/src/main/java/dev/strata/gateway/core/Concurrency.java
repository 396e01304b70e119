package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.model.ConcurrencyGroup;
import dev.strata.domain.trigger.model.ConcurrencyQueue;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Decision;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Newcomer;
import dev.strata.domain.trigger.model.ConcurrencyQueue.State;
import dev.strata.domain.trigger.model.ConcurrencyScheme;

/**
 * The backend pipeline's concurrency (DOMAIN.md 9, 15.5), from the domain's policies: pull requests
 * join {@code ci-backends-pr-<PR>-<repo>} and cancel in progress; everything else joins {@code
 * ci-backends-<sha>-<repo>}; the queue is Strata's (releases are never cancelled) unless LocalAI's
 * exact behaviour is asked for.
 */
public final class Concurrency {
  private final ConcurrencyQueue queue;

  /**
   * @param protectReleases Strata's release protection (true) or GitHub's exact rules
   */
  public Concurrency(boolean protectReleases) {
    this.queue = protectReleases ? ConcurrencyQueue.strata() : ConcurrencyQueue.github();
  }

  /**
   * The group of {@code trigger}. A schedule or dispatch whose commit is not resolved yet (the
   * gateway does not read git) is keyed by its ref instead of its commit.
   */
  public ConcurrencyGroup groupOf(Trigger trigger) {
    ConcurrencyScheme scheme =
        trigger.isPullRequest() ? ConcurrencyScheme.BACKENDS_PR : ConcurrencyScheme.BACKENDS;
    if (trigger.prNumber() == null && trigger.sha() == null) {
      String ref = trigger.ref() == null ? "default-branch" : trigger.ref();
      return new ConcurrencyGroup(
          "ci-" + scheme.name() + "-" + ref + "-" + trigger.repository().fullName());
    }
    return scheme.groupOf(trigger);
  }

  /** What happens when run {@code runId} of {@code trigger} joins a group in {@code state}. */
  public Decision decide(State state, RunId runId, Trigger trigger) {
    ConcurrencyScheme scheme =
        trigger.isPullRequest() ? ConcurrencyScheme.BACKENDS_PR : ConcurrencyScheme.BACKENDS;
    return queue.decide(state, Newcomer.of(runId, trigger, scheme));
  }

  ConcurrencyQueue queue() {
    return queue;
  }
}
