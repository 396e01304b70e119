package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a Darwin cache save. */
public record RecordDarwinCacheSave(
    @TargetAggregateIdentifier RunId runId,
    LegId legId,
    String cache,
    String key,
    long bytes,
    boolean gated,
    Instant at)
    implements RunCommand {}
