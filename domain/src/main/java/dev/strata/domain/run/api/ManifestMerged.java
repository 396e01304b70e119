package dev.strata.domain.run.api;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A merge group was published: one index per registry under its tags, from the listed per-arch
 * sources.
 */
@Revision("1")
public record ManifestMerged(
    RunId runId,
    TagSuffix tagSuffix,
    List<PublishedIndex> indexes,
    List<MergeSource> sources,
    Instant at)
    implements RunEvent {
  public ManifestMerged {
    indexes = List.copyOf(indexes);
    sources = List.copyOf(sources);
  }
}
