package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The agent holding a leg heartbeated; its lease now runs until {@code leaseUntil}. */
@Revision("1")
public record LegLeaseExtended(
    RunId runId, LegId legId, AgentId agentId, Instant leaseUntil, Instant at)
    implements RunEvent {}
