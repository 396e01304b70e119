package dev.strata.domain.run.api;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A merge group was not published because it would have been incomplete or a source was missing;
 * {@code missing} names the legs it waits for.
 */
@Revision("1")
public record MergeDeferred(
    RunId runId, TagSuffix tagSuffix, String reason, List<LegId> missing, Instant at)
    implements RunEvent {
  public MergeDeferred {
    missing = List.copyOf(missing);
  }
}
