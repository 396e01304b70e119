package dev.strata.domain.image.model;

import dev.strata.domain.Values;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;

/**
 * What metadata-action reads from the run: the event, the git ref, the commit and, for the root
 * image's stamp rule only, the default branch and the time the merge runs.
 *
 * @param kind the trigger kind (schedule runs count as the default branch)
 * @param ref the full ref: {@code refs/heads/master}, {@code refs/tags/v4.9.0}, {@code
 *     refs/pull/11000/merge}
 * @param sha the commit (for a pull request, the merge commit), or null when unknown
 * @param defaultBranch the repository's default branch, or null when no rule needs it
 * @param epochSeconds the merge time in Unix seconds ({@code {{date 'X'}}}), or null
 */
public record TagContext(
    TriggerKind kind, String ref, CommitSha sha, String defaultBranch, Long epochSeconds) {
  public TagContext {
    Values.required(kind, "trigger kind");
    Values.required(ref, "ref");
  }

  /** The context of {@code trigger}; a schedule must have been resolved to a branch. */
  public static TagContext of(Trigger trigger) {
    Values.required(trigger, "trigger");
    if (trigger.ref() == null) {
      throw new IllegalArgumentException(
          "Tried to compute image tags for a "
              + trigger.kind()
              + " trigger but failed because: it has no ref; resolve it to a branch first");
    }
    return new TagContext(trigger.kind(), trigger.ref(), trigger.sha(), null, null);
  }

  /** This context with the default branch and merge time the stamp rule needs. */
  public TagContext withStamp(String defaultBranch, long epochSeconds) {
    return new TagContext(
        kind, ref, sha, Values.required(defaultBranch, "default branch"), epochSeconds);
  }

  /** The branch for {@code refs/heads/...}, else null. */
  String branch() {
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
  }

  /** The tag for {@code refs/tags/...}, else null. */
  String tag() {
    return ref.startsWith("refs/tags/") ? ref.substring("refs/tags/".length()) : null;
  }
}
