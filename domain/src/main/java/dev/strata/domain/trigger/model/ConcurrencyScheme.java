package dev.strata.domain.trigger.model;

import dev.strata.domain.Values;
import dev.strata.domain.trigger.api.Trigger;
import java.util.regex.Pattern;

/**
 * How one workflow names its concurrency group (DOMAIN.md 9): {@code ci-<name>-${PR number ||
 * sha}-${repository}} where the repository is {@code owner/name}, and whether a new run cancels the
 * one in progress (pull requests only).
 *
 * @param name the workflow's segment ({@code backends}, {@code backends-pr}, {@code base-images});
 *     empty for the root image workflows, whose key is {@code ci-${PR || sha}-${repo}}
 */
public record ConcurrencyScheme(String name) {
  private static final Pattern NAME = Pattern.compile("|[a-z0-9]+(?:-[a-z0-9]+)*");

  /** {@code backend.yml}: {@code ci-backends-${PR || sha}-${repo}}. */
  public static final ConcurrencyScheme BACKENDS = new ConcurrencyScheme("backends");

  /** {@code backend_pr.yml}: {@code ci-backends-pr-${PR || sha}-${repo}}. */
  public static final ConcurrencyScheme BACKENDS_PR = new ConcurrencyScheme("backends-pr");

  /** {@code image.yml} and {@code image-pr.yml}: {@code ci-${PR || sha}-${repo}}. */
  public static final ConcurrencyScheme IMAGE = new ConcurrencyScheme("");

  /** {@code base-images.yml}: {@code ci-base-images-${PR || sha}-${repo}}. */
  public static final ConcurrencyScheme BASE_IMAGES = new ConcurrencyScheme("base-images");

  public ConcurrencyScheme {
    Values.matching(
        name,
        NAME,
        "workflow group name",
        "empty or lowercase words joined by '-', e.g. \"backends\"");
  }

  /** The group a run of {@code trigger} joins. */
  public ConcurrencyGroup groupOf(Trigger trigger) {
    Values.required(trigger, "trigger");
    String id;
    if (trigger.prNumber() != null) {
      id = trigger.prNumber().toString();
    } else if (trigger.sha() != null) {
      id = trigger.sha().value();
    } else {
      throw new IllegalArgumentException(
          "Tried to name the concurrency group of a "
              + trigger.kind()
              + " run but failed because: it has neither a PR number nor a commit; resolve the"
              + " commit first");
    }
    String prefix = name.isEmpty() ? "ci-" : "ci-" + name + "-";
    return new ConcurrencyGroup(prefix + id + "-" + trigger.repository().fullName());
  }

  /** {@code cancel-in-progress}: true only for pull requests. */
  public boolean cancelInProgress(Trigger trigger) {
    return Values.required(trigger, "trigger").isPullRequest();
  }
}
