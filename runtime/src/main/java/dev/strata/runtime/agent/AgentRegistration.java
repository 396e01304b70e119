package dev.strata.runtime.agent;

import dev.strata.domain.leg.api.AgentId;
import java.time.Duration;

/**
 * What the gateway answered a registration with.
 *
 * @param agentId the id to use in every later call
 * @param lease how long a claimed leg's lease lasts without a heartbeat or progress
 * @param maxWait the longest claim long-poll the gateway accepts
 */
public record AgentRegistration(AgentId agentId, Duration lease, Duration maxWait) {}
