package dev.strata.domain.trigger.api;

/** The kinds of trigger a run can have (DOMAIN.md 1.1). */
public enum TriggerKind {
  /** Push to a branch. */
  PUSH,
  /** Push of a tag ({@code refs/tags/...}). */
  TAG_PUSH,
  /** A pull request opened, synchronized or reopened. */
  PULL_REQUEST,
  /** A cron schedule fired by the platform. */
  SCHEDULE,
  /** A manual dispatch. */
  WORKFLOW_DISPATCH;

  /** GitHub's {@code event_name} for this kind (a tag push is a {@code push}). */
  public String githubEventName() {
    return switch (this) {
      case PUSH, TAG_PUSH -> "push";
      case PULL_REQUEST -> "pull_request";
      case SCHEDULE -> "schedule";
      case WORKFLOW_DISPATCH -> "workflow_dispatch";
    };
  }
}
