package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Expire a lease that ran out at {@code at} without a heartbeat. */
public record ExpireLease(
    @TargetAggregateIdentifier RunId runId, LegId legId, String reason, Instant at)
    implements RunCommand {}
