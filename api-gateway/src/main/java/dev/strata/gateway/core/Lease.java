package dev.strata.gateway.core;

import dev.strata.domain.leg.api.AgentId;
import java.time.Instant;

/** An agent holds a leg until {@code until}. */
public record Lease(LegRef leg, AgentId holder, Instant until) {}
