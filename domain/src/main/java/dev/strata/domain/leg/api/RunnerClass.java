package dev.strata.domain.leg.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/**
 * A class of CI runner, as a matrix entry's {@code runs-on}: {@code ubuntu-latest}, {@code
 * macos-latest}.
 */
public record RunnerClass(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** The Darwin runner LocalAI's callers hard-code (DOMAIN.md 2.2). */
  public static final RunnerClass MACOS_LATEST = new RunnerClass("macos-latest");

  public RunnerClass {
    Values.matching(
        value, VALID, "runner class", "letters, digits, '.', '_', '-' (e.g. \"ubuntu-latest\")");
  }

  public static RunnerClass of(String value) {
    return new RunnerClass(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
