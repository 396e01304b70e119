package dev.strata.domain.image.model;

/**
 * One {@code tags:} line of a docker/metadata-action config, limited to the rules Strata's
 * pipelines use (DOMAIN.md 5.1). Rules are evaluated by descending {@link #priority()}; each may
 * carry its own suffix, which replaces the flavor suffix for that rule's value.
 */
public sealed interface TagRule {

  /** metadata-action's priority: semver 900, ref 600, raw 200, sha 100. */
  int priority();

  /** The rule's own suffix, or null to use the flavor suffix. */
  String suffix();

  /** {@code type=ref,event=branch}: the branch name on a branch push. */
  record Branch(String suffix) implements TagRule {
    @Override
    public int priority() {
      return 600;
    }
  }

  /** {@code type=semver,pattern={{raw}}}: the tag name when it is valid semver. */
  record SemverRaw(String suffix) implements TagRule {
    @Override
    public int priority() {
      return 900;
    }
  }

  /** {@code type=sha}: {@code sha-} and the first 7 hex digits of the commit. */
  record Sha(String suffix) implements TagRule {
    @Override
    public int priority() {
      return 100;
    }
  }

  /**
   * The root image's {@code type=raw,value={{branch}}-{{date 'X'}}-{{sha}},
   * enable={{is_default_branch}}}: {@code <branch>-<epoch seconds>-<sha7>} on the default branch.
   */
  record DefaultBranchStamp(String suffix) implements TagRule {
    @Override
    public int priority() {
      return 200;
    }
  }

  /** {@code type=ref,event=branch} with the flavor suffix. */
  static TagRule branch() {
    return new Branch(null);
  }

  /** {@code type=semver,pattern={{raw}}} with the flavor suffix. */
  static TagRule semverRaw() {
    return new SemverRaw(null);
  }

  /** {@code type=sha} with the flavor suffix. */
  static TagRule sha() {
    return new Sha(null);
  }

  /** The root image's default-branch stamp with the flavor suffix. */
  static TagRule defaultBranchStamp() {
    return new DefaultBranchStamp(null);
  }
}
