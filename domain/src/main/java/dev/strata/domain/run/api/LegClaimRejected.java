package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A claim was refused (contested, already built, run not started): the audit sees contested claims.
 */
@Revision("1")
public record LegClaimRejected(
    RunId runId, LegId legId, AgentId agentId, String reason, AgentId heldBy, Instant at)
    implements RunEvent {}
