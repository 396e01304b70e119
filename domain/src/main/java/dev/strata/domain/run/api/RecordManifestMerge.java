package dev.strata.domain.run.api;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a published merge group. */
public record RecordManifestMerge(
    @TargetAggregateIdentifier RunId runId,
    TagSuffix tagSuffix,
    List<PublishedIndex> indexes,
    List<MergeSource> sources,
    Instant at)
    implements RunCommand {}
