package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The holder handed a leg back unbuilt (e.g. on SIGTERM); the leg is claimable again. */
@Revision("1")
public record LegReleased(RunId runId, LegId legId, AgentId agentId, String reason, Instant at)
    implements RunEvent {}
