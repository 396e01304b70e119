package dev.strata.domain.leg.api;

import java.time.Instant;

/** Every event the {@code Agent} aggregate records. */
public sealed interface AgentEvent permits AgentRegistered {

  /** The agent the event belongs to. */
  AgentId agentId();

  /** When it happened. */
  Instant at();
}
