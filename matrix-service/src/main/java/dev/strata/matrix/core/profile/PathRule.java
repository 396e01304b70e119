package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;

/** One path-inference rule: entries matching {@code when} build from {@code path}. */
public record PathRule(EntryPredicate when, PathTemplate path) {
  public PathRule {
    Values.required(when, "path rule condition");
    Values.required(path, "path rule path");
  }
}
