package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a leg's build failed. */
public record RecordLegFailure(
    @TargetAggregateIdentifier RunId runId,
    LegId legId,
    AgentId agentId,
    String failedStep,
    String reason,
    List<String> lastLogLines,
    Instant at)
    implements RunCommand {}
