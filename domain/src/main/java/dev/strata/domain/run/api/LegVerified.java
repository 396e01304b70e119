package dev.strata.domain.run.api;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A leg was built without a by-digest push (pull-request verification build): tags pushed to the PR
 * repository, if any, and the caches it read.
 */
@Revision("1")
public record LegVerified(
    RunId runId,
    LegId legId,
    AgentId agentId,
    List<ImageRef> pushedTags,
    List<CacheRef> cacheRead,
    List<CacheWrite> cacheWritten,
    StepStats steps,
    BuildInputs inputs,
    Instant at)
    implements RunEvent {
  public LegVerified {
    pushedTags = List.copyOf(pushedTags);
    cacheRead = List.copyOf(cacheRead);
    cacheWritten = List.copyOf(cacheWritten);
  }
}
