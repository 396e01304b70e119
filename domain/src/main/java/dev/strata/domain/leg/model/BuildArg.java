package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/**
 * One {@code --build-arg NAME=value}. The value is passed as is, empty included.
 *
 * @param name the ARG name, e.g. {@code DEPS_REFRESH}
 * @param value the value
 */
public record BuildArg(String name, String value) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public BuildArg {
    Values.matching(name, NAME, "build-arg name", "letters, digits and '_', e.g. \"BUILD_TYPE\"");
    Values.required(value, "value of build-arg " + name);
  }

  /** The {@code NAME=value} form docker takes. */
  @Override
  public String toString() {
    return name + "=" + value;
  }
}
