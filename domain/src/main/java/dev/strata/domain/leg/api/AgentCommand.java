package dev.strata.domain.leg.api;

/** Every command the {@code Agent} aggregate handles. */
public sealed interface AgentCommand permits RegisterAgent {

  /** The target agent. */
  AgentId agentId();
}
