package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a pipeline could not be planned, and why. */
public record RecordPlanningFailure(
    @TargetAggregateIdentifier RunId runId, String pipeline, String reason, Instant at)
    implements RunCommand {}
