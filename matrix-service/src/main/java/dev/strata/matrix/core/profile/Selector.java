package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;

/**
 * Which entries of one OS a shared-input rule selects: {@code all}, {@code none}, a class the
 * profile declares for that OS (e.g. {@code python}), or {@code backend:<name>}.
 */
public sealed interface Selector {

  /** Every mappable entry. */
  record All() implements Selector {}

  /** No entry. */
  record None() implements Selector {}

  /** The entries of a class declared in the profile. */
  record OfClass(String name) implements Selector {
    public OfClass {
      Values.required(name, "selector class");
    }
  }

  /** The entries with this backend name. */
  record OfBackend(String backend) implements Selector {
    public OfBackend {
      Values.required(backend, "selector backend");
    }
  }

  /**
   * Parses the profile notation.
   *
   * @throws IllegalArgumentException quoting {@code text} and listing what is accepted
   */
  static Selector parse(String text) {
    Values.required(text, "selector");
    if (text.equals("all")) {
      return new All();
    }
    if (text.equals("none")) {
      return new None();
    }
    if (text.startsWith("backend:") && text.length() > "backend:".length()) {
      return new OfBackend(text.substring("backend:".length()));
    }
    if (text.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      return new OfClass(text);
    }
    throw new IllegalArgumentException(
        "Invalid selector "
            + Values.quote(text)
            + ": expected all, none, backend:<name> or the name of a declared class");
  }
}
