package dev.strata.matrix.core.plan;

/**
 * The parts of a GitHub event payload change detection reads. A field that is missing, null or
 * empty in the payload is null here (JavaScript truthiness, as LocalAI's script tests them).
 *
 * @param ref {@code ref} ({@code refs/heads/master}, {@code refs/tags/v1.0}); absent for cron
 * @param before {@code before} of a push
 * @param after {@code after} of a push
 * @param pullRequest the payload has a {@code pull_request} object
 * @param baseSha {@code pull_request.base.sha}
 * @param headSha {@code pull_request.head.sha}
 */
public record GitHubEvent(
    String ref, String before, String after, boolean pullRequest, String baseSha, String headSha) {

  public GitHubEvent {
    ref = blankToNull(ref);
    before = blankToNull(before);
    after = blankToNull(after);
    baseSha = blankToNull(baseSha);
    headSha = blankToNull(headSha);
  }

  /** A push of a tag. */
  public boolean isTagPush() {
    return ref != null && ref.startsWith("refs/tags/");
  }

  /** Has a ref, is not a pull request and not a tag push (also true for workflow_dispatch). */
  public boolean isBranchPush() {
    return ref != null && !pullRequest && !isTagPush();
  }

  /** Whether {@code before} is all zeros (a new branch). */
  public boolean zeroBefore() {
    return isZero(before);
  }

  /** The revision the previous matrix and proto are read at, or null when there is none. */
  public String previousRef() {
    String ref = pullRequest ? baseSha : before;
    return ref == null || isZero(ref) ? null : ref;
  }

  private static boolean isZero(String sha) {
    return sha != null && sha.chars().allMatch(c -> c == '0');
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
