package dev.strata.domain.run.api;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a verification build that pushed nothing by digest (pull requests). */
public record RecordLegVerified(
    @TargetAggregateIdentifier RunId runId,
    LegId legId,
    AgentId agentId,
    List<ImageRef> pushedTags,
    List<CacheRef> cacheRead,
    List<CacheWrite> cacheWritten,
    StepStats steps,
    BuildInputs inputs,
    Instant at)
    implements RunCommand {}
