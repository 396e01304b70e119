package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;

/**
 * The parts of a trigger a pipeline gate reads, from a run's {@link Trigger} or a GitHub event
 * payload. Revisions are as given (possibly empty, all zeros or unknown to the repository).
 *
 * @param kind the trigger kind
 * @param ref the full ref, or null
 * @param before a push's {@code before}, or null
 * @param after a push's {@code after}, or null
 * @param baseSha a pull request's base, or null
 * @param headSha a pull request's head, or null
 * @param cron the cron of a schedule, or null when unknown
 */
public record PipelineTrigger(
    TriggerKind kind,
    String ref,
    String before,
    String after,
    String baseSha,
    String headSha,
    String cron) {

  public PipelineTrigger {
    Values.required(kind, "trigger kind");
  }

  /** The gate's view of a run's trigger. */
  public static PipelineTrigger of(Trigger t) {
    return new PipelineTrigger(
        t.kind(),
        t.ref(),
        hex(t.before()),
        hex(t.sha()),
        hex(t.baseSha()),
        hex(t.headSha()),
        t.schedule());
  }

  /** The branch of a {@code refs/heads/} ref, else null. */
  public String branch() {
    return ref != null && ref.startsWith("refs/heads/") ? ref.substring(11) : null;
  }

  private static String hex(CommitSha sha) {
    return sha == null ? null : sha.value();
  }
}
