package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;
import java.util.List;

/**
 * A shared build input (DOMAIN.md 3.4): a changed file matching it selects entries on each OS.
 *
 * @param id stable name, reported when the rule fires
 * @param exact the one path this rule matches, or null when {@code prefixes} is used
 * @param prefixes path prefixes this rule matches (empty when {@code exact} is used)
 * @param excludeSuffix a path ending with this does not match, or null
 * @param linux the Linux entries selected
 * @param darwin the Darwin entries selected
 * @param suppressWhenProtoAdditive the rule is dropped when the proto edit is additive (3.8)
 */
public record SharedRule(
    String id,
    String exact,
    List<String> prefixes,
    String excludeSuffix,
    Selector linux,
    Selector darwin,
    boolean suppressWhenProtoAdditive) {

  public SharedRule {
    Values.required(id, "shared rule id");
    prefixes = List.copyOf(Values.required(prefixes, "shared rule prefixes"));
    Values.required(linux, "shared rule linux selector");
    Values.required(darwin, "shared rule darwin selector");
    if ((exact == null) == prefixes.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid shared rule "
              + Values.quote(id)
              + ": expected exactly one of 'exact' or 'prefixes'");
    }
  }

  /** Whether a changed file at {@code path} matches this rule. */
  public boolean matches(String path) {
    if (exact != null) {
      return exact.equals(path);
    }
    if (excludeSuffix != null && path.endsWith(excludeSuffix)) {
      return false;
    }
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
