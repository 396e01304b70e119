package dev.strata.domain.run.api;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * After a merge the run's keepalive anchors were deleted (best effort); each tag's outcome is
 * recorded.
 */
@Revision("1")
public record KeepaliveTagsCleaned(
    RunId runId, TagSuffix tagSuffix, List<TagCleanup> outcomes, Instant at) implements RunEvent {
  public KeepaliveTagsCleaned {
    outcomes = List.copyOf(outcomes);
  }
}
