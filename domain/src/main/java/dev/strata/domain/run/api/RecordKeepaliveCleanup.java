package dev.strata.domain.run.api;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the outcome of deleting a merge group's keepalive tags. */
public record RecordKeepaliveCleanup(
    @TargetAggregateIdentifier RunId runId,
    TagSuffix tagSuffix,
    List<TagCleanup> outcomes,
    Instant at)
    implements RunCommand {}
