package dev.strata.domain.audit.api;

/**
 * The invariants the audit checks over the recorded history (issue 8; DOMAIN.md 10 and 15), with
 * their number in the issue.
 */
public enum Invariant {
  /** A pull-request run wrote a cache (cache-to, Darwin save) or published (digest push, merge). */
  PR_WROTE(1, "a pull-request run wrote a cache or published"),
  /** A cache-to lacked {@code mode=max} or {@code ignore-error=true}, or provenance was on. */
  CACHE_EXPORT_OPTIONS(2, "cache-to without mode=max/ignore-error=true, or provenance on"),
  /** Two legs shared a cache namespace (tag-suffix, platform-tag) or a cache ref. */
  SHARED_NAMESPACE(3, "two legs share a cache namespace"),
  /** A leg was built on a builder base image the registry did not have yet (bootstrap order). */
  BOOTSTRAP_ORDER(4, "leg built on a builder base the registry lacked"),
  /** A pushed digest was not covered by a merged manifest within the window. */
  UNMERGED_DIGEST(5, "pushed digest not merged within the window"),
  /** A published index had fewer architectures than its group, or a deferred merge stays open. */
  PARTIAL_MANIFEST(6, "partial manifest, or merge deferral still open"),
  /** A release (tag) run was cancelled by a schedule or dispatch run (hazard H2). */
  RELEASE_CANCELLED(7, "release run cancelled by a schedule or dispatch run"),
  /** A Python-Dockerfile entry went without a successful build for too long. */
  STALE_PYTHON_ENTRY(8, "python entry without a successful build in more than 7 days"),
  /** A DEPS_REFRESH value repeated the value of an earlier week. */
  DEPS_REFRESH_REPEATED(9, "DEPS_REFRESH value repeated an earlier week's"),
  /** Darwin cache usage above budget, or a pull request saved a Darwin cache ungated. */
  DARWIN_CACHE(10, "Darwin cache above budget, or ungated PR save");

  private final int number;
  private final String title;

  Invariant(int number, String title) {
    this.number = number;
    this.title = title;
  }

  /** The invariant's number in issue 8 (1 to 10). */
  public int number() {
    return number;
  }

  /** A one-line title. */
  public String title() {
    return title;
  }
}
