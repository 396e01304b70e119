package dev.strata.domain.run.api;

import dev.strata.domain.Values;

/** One build-arg as passed to the builder. */
public record BuildArg(String name, String value) {
  public BuildArg {
    Values.required(name, "build-arg name");
    Values.required(value, "build-arg value");
  }
}
