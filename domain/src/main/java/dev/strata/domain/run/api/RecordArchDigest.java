package dev.strata.domain.run.api;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a leg pushed its image by digest. */
public record RecordArchDigest(
    @TargetAggregateIdentifier RunId runId,
    LegId legId,
    AgentId agentId,
    Digest digest,
    List<ImageRef> pushedTo,
    ImageRef anchor,
    List<CacheRef> cacheRead,
    List<CacheWrite> cacheWritten,
    boolean provenance,
    StepStats steps,
    BuildInputs inputs,
    Instant at)
    implements RunCommand {}
