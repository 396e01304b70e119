package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel the run. */
public record CancelRun(
    @TargetAggregateIdentifier RunId runId, String reason, String cancelledBy, Instant at)
    implements RunCommand {}
