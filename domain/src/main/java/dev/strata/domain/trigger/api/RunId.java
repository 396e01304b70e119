package dev.strata.domain.trigger.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/**
 * The id of one run (one trigger). Lowercase letters and digits, 1 to 32 characters, so that it can
 * be embedded in tags such as {@code keepalive-<run><sfx>-<pt>} and cache keys.
 */
public record RunId(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9]{1,32}");

  public RunId {
    Values.matching(value, VALID, "run id", "1 to 32 lowercase letters or digits");
  }

  public static RunId of(String value) {
    return new RunId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
