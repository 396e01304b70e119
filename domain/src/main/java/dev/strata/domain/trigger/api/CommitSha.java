package dev.strata.domain.trigger.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/** A full git commit id: 40 lowercase hex digits (SHA-1 repositories). */
public record CommitSha(String value) {
  private static final Pattern VALID = Pattern.compile("[0-9a-f]{40}");

  /** GitHub's "no previous commit" marker, as sent in {@code before} for a new branch. */
  public static final CommitSha ZERO = new CommitSha("0".repeat(40));

  public CommitSha {
    Values.matching(value, VALID, "commit sha", "40 lowercase hex digits");
  }

  /** Parses a commit id, accepting upper-case hex. */
  public static CommitSha parse(String raw) {
    Values.required(raw, "commit sha");
    return new CommitSha(raw.toLowerCase(java.util.Locale.ROOT));
  }

  public boolean isZero() {
    return this.equals(ZERO);
  }

  /** The first 7 hex digits, as metadata-action's {@code type=sha} uses. */
  public String short7() {
    return value.substring(0, 7);
  }

  @Override
  public String toString() {
    return value;
  }
}
