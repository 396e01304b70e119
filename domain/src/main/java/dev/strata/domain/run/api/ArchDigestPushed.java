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
import org.axonframework.serialization.Revision;

/**
 * A leg was built and its image pushed by digest. Carries the cache refs read and written (with
 * their cache-to options), whether provenance was on, the per-step cache statistics and the
 * recorded build inputs the audit compares.
 */
@Revision("1")
public record ArchDigestPushed(
    RunId runId,
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
    implements RunEvent {
  public ArchDigestPushed {
    pushedTo = List.copyOf(pushedTo);
    cacheRead = List.copyOf(cacheRead);
    cacheWritten = List.copyOf(cacheWritten);
  }
}
