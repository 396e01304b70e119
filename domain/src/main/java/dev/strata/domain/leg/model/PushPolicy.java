package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.image.model.PrTestTags;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.Trigger;

/**
 * Decides what a Linux leg pushes for a trigger (DOMAIN.md 1.1, 4.4, 4.7, invariant 3 of 10): a
 * non-PR run pushes by digest to every publish repository; a pull request only tags the PR test
 * repository, and pushes there only when it does not come from a fork.
 */
public final class PushPolicy {
  private PushPolicy() {}

  /** The push plan of {@code entry}'s leg in a run started by {@code trigger}. */
  public static PushPlan forLeg(Trigger trigger, ImageNaming naming, LinuxEntry entry) {
    Values.required(trigger, "trigger");
    Values.required(naming, "image naming");
    Values.required(entry, "matrix entry");
    if (!trigger.isPullRequest()) {
      return new PushPlan.ByDigest(naming.publishRepos());
    }
    return new PushPlan.TestTags(
        PrTestTags.forLeg(naming.prRepo(), trigger, entry), !trigger.fork());
  }
}
