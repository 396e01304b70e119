package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent asks to build a leg until {@code leaseUntil}. */
public record ClaimLeg(
    @TargetAggregateIdentifier RunId runId,
    LegId legId,
    AgentId agentId,
    Instant leaseUntil,
    Instant at)
    implements RunCommand {}
