package dev.strata.matrix.core.run;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.plan.PlanRequest;
import java.util.Map;

/**
 * The GitHub event payload a {@link Trigger} stands for, as LocalAI's change filter reads it: a
 * push carries {@code ref}, {@code before} and {@code after}; a pull request its base and head; a
 * schedule no ref; a dispatch its ref without a range. {@code FORCE_ALL} is the trigger's switch.
 */
public final class TriggerEvents {
  private TriggerEvents() {}

  /** The planning request for {@code trigger}. */
  public static PlanRequest request(Trigger trigger) {
    Map<String, String> env =
        trigger.forceAll() ? Map.of("FORCE_ALL", "true") : Map.<String, String>of();
    return new PlanRequest(event(trigger), env);
  }

  /** The event payload fields of {@code trigger}. */
  public static GitHubEvent event(Trigger trigger) {
    return switch (trigger.kind()) {
      case PUSH, TAG_PUSH ->
          new GitHubEvent(
              trigger.ref(), hex(trigger.before()), hex(trigger.sha()), false, null, null);
      case PULL_REQUEST ->
          new GitHubEvent(
              trigger.ref(), null, null, true, hex(trigger.baseSha()), hex(trigger.headSha()));
      // a cron payload has no ref; the resolved head is read as the current revision
      case SCHEDULE -> new GitHubEvent(null, null, hex(trigger.sha()), false, null, null);
      // no before: the filter runs everything (missing range), at the dispatched commit
      case WORKFLOW_DISPATCH ->
          new GitHubEvent(trigger.ref(), null, hex(trigger.sha()), false, null, null);
    };
  }

  private static String hex(CommitSha sha) {
    return sha == null ? null : sha.value();
  }
}
