package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.MatrixEntry;
import dev.strata.matrix.core.profile.OsRules;
import dev.strata.matrix.core.profile.PathRule;

/** Path inference (DOMAIN.md 3.2, 3.3): the first matching rule's path, or null. */
public final class PathInference {
  private PathInference() {}

  /** The source prefix of {@code entry}, or null when no rule maps it. */
  public static String prefix(MatrixEntry entry, OsRules rules) {
    for (PathRule rule : rules.paths()) {
      if (rule.when().test(entry, rules.bespokeBuilders())) {
        return rule.path().render(entry);
      }
    }
    return null;
  }
}
