package dev.strata.launcher;

import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.StrataRuntimeBuilder;
import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root of a process: which roles it runs. {@code strata serve} runs every role in
 * one JVM; a role command runs one.
 */
final class Roles {
  private Roles() {}

  /** The roles {@code strata serve} starts, in order. */
  static List<String> embedded() {
    List<String> roles = new ArrayList<>();
    roles.add("domain");
    return roles;
  }

  /** Builds (not starts) a runtime with the domain's aggregates and the given roles' parts. */
  static StrataRuntime runtime(StrataConfig config, List<String> roles) throws ConfigException {
    StrataRuntimeBuilder builder = StrataRuntime.builder(config).install(new DomainModule());
    for (String role : roles) {
      switch (role) {
        case "domain" -> {
          // installed above: every process handles its commands locally
        }
        default -> throw new UserInputException("unknown role '" + role + "'");
      }
    }
    return builder.build();
  }
}
