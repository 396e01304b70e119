package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A lease ran out without a heartbeat; the leg is claimable again. */
@Revision("1")
public record LegLeaseExpired(RunId runId, LegId legId, AgentId agentId, String reason, Instant at)
    implements RunEvent {}
