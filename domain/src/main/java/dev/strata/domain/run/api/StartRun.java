package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a pending run start building. */
public record StartRun(@TargetAggregateIdentifier RunId runId, Instant at) implements RunCommand {}
