package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An agent claimed a leg and holds it until {@code leaseUntil}. {@code attempt} counts claims of
 * this leg (1 for the first).
 */
@Revision("1")
public record LegClaimed(
    RunId runId, LegId legId, AgentId agentId, Instant leaseUntil, int attempt, Instant at)
    implements RunEvent {}
