package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a Darwin cache restore. */
public record RecordDarwinCacheRestore(
    @TargetAggregateIdentifier RunId runId,
    LegId legId,
    String cache,
    String key,
    CacheOutcome outcome,
    String matchedKey,
    long bytes,
    Instant at)
    implements RunCommand {}
