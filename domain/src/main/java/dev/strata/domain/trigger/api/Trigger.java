package dev.strata.domain.trigger.api;

import dev.strata.domain.Values;

/**
 * What started a run. One flat record for every kind so it serializes plainly in events; the
 * factory methods say which fields each kind carries.
 *
 * @param kind the trigger kind
 * @param repository the repository the trigger concerns
 * @param ref the full git ref: {@code refs/heads/<branch>}, {@code refs/tags/<tag>}; for a pull
 *     request {@code refs/pull/<n>/merge}; null for a schedule that has not been resolved to a
 *     branch
 * @param before the commit before a push (null or {@link CommitSha#ZERO} when there is none)
 * @param sha the commit the run builds: {@code after} for a push, the merge (or head) commit for a
 *     pull request, the resolved head for schedule and dispatch (null until resolved)
 * @param prNumber the pull request number, or null
 * @param baseSha the pull request's base commit, or null
 * @param headSha the pull request's head commit, or null
 * @param fork whether the pull request comes from a fork (fork PRs push nothing, DOMAIN.md 4.7)
 * @param forceAll the {@code FORCE_ALL} switch (ignored for pull requests, as LocalAI does)
 * @param schedule the cron expression for a schedule trigger, or null
 */
public record Trigger(
    TriggerKind kind,
    Repository repository,
    String ref,
    CommitSha before,
    CommitSha sha,
    Integer prNumber,
    CommitSha baseSha,
    CommitSha headSha,
    boolean fork,
    boolean forceAll,
    String schedule) {

  public Trigger {
    Values.required(kind, "trigger kind");
    Values.required(repository, "repository");
    switch (kind) {
      case PUSH -> {
        requireRef(ref, "refs/heads/", kind);
        Values.required(sha, "push 'after' commit");
      }
      case TAG_PUSH -> {
        requireRef(ref, "refs/tags/", kind);
        Values.required(sha, "tag commit");
      }
      case PULL_REQUEST -> {
        Values.required(prNumber, "pull request number");
        if (prNumber <= 0) {
          throw new IllegalArgumentException(
              "Invalid pull request number " + prNumber + ": expected a positive number");
        }
        Values.required(baseSha, "pull request base sha");
        Values.required(headSha, "pull request head sha");
      }
      case SCHEDULE -> Values.required(schedule, "schedule cron expression");
      case WORKFLOW_DISPATCH -> requireRef(ref, "refs/", kind);
      default -> throw new IllegalStateException("unreachable");
    }
  }

  private static void requireRef(String ref, String prefix, TriggerKind kind) {
    Values.required(ref, kind + " ref");
    if (!ref.startsWith(prefix) || ref.length() == prefix.length()) {
      throw new IllegalArgumentException(
          "Invalid ref "
              + Values.quote(ref)
              + " for a "
              + kind
              + ": expected "
              + prefix
              + "<name>");
    }
  }

  /** A push to {@code branch} from {@code before} to {@code after}. */
  public static Trigger push(
      Repository repo, String branch, CommitSha before, CommitSha after, boolean forceAll) {
    return new Trigger(
        TriggerKind.PUSH,
        repo,
        "refs/heads/" + branch,
        before,
        after,
        null,
        null,
        null,
        false,
        forceAll,
        null);
  }

  /** A push of tag {@code tag} pointing at {@code sha}. */
  public static Trigger tagPush(Repository repo, String tag, CommitSha sha) {
    return new Trigger(
        TriggerKind.TAG_PUSH,
        repo,
        "refs/tags/" + tag,
        null,
        sha,
        null,
        null,
        null,
        false,
        true,
        null);
  }

  /** A pull request; {@code sha} is the merge commit when known, else the head. */
  public static Trigger pullRequest(
      Repository repo, int number, CommitSha base, CommitSha head, CommitSha merge, boolean fork) {
    return new Trigger(
        TriggerKind.PULL_REQUEST,
        repo,
        "refs/pull/" + number + "/merge",
        null,
        merge != null ? merge : head,
        number,
        base,
        head,
        fork,
        false,
        null);
  }

  /** A schedule firing on {@code branch} (the default branch) at commit {@code sha}. */
  public static Trigger schedule(Repository repo, String cron, String branch, CommitSha sha) {
    return new Trigger(
        TriggerKind.SCHEDULE,
        repo,
        branch == null ? null : "refs/heads/" + branch,
        null,
        sha,
        null,
        null,
        null,
        false,
        false,
        cron);
  }

  /** A manual dispatch on {@code ref}. */
  public static Trigger dispatch(Repository repo, String ref, CommitSha sha) {
    return new Trigger(
        TriggerKind.WORKFLOW_DISPATCH, repo, ref, null, sha, null, null, null, false, false, null);
  }

  /** The branch name for {@code refs/heads/...} refs, else null. */
  public String branch() {
    return ref != null && ref.startsWith("refs/heads/")
        ? ref.substring("refs/heads/".length())
        : null;
  }

  /** The tag name for {@code refs/tags/...} refs, else null. */
  public String tag() {
    return ref != null && ref.startsWith("refs/tags/")
        ? ref.substring("refs/tags/".length())
        : null;
  }

  public boolean isPullRequest() {
    return kind == TriggerKind.PULL_REQUEST;
  }
}
