package dev.strata.domain.run.api;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a merge group was not published, and why. */
public record DeferMerge(
    @TargetAggregateIdentifier RunId runId,
    TagSuffix tagSuffix,
    String reason,
    List<LegId> missing,
    Instant at)
    implements RunCommand {}
