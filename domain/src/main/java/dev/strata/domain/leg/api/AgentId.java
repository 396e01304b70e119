package dev.strata.domain.leg.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/** The id the gateway gave a registered build agent. */
public record AgentId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public AgentId {
    Values.matching(value, VALID, "agent id", "1 to 64 of [A-Za-z0-9._-]");
  }

  public static AgentId of(String value) {
    return new AgentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
