package dev.strata.runtime.agent;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import java.util.List;
import java.util.Optional;

/**
 * A finished build, as reported to the gateway: pushed by digest (it becomes {@code
 * ArchDigestPushed}) when {@code digest} is present, else a verification build ({@code
 * LegVerified}).
 *
 * @param digest the pushed digest, or empty for a verification build
 * @param pushedTo the repositories holding the digest
 * @param anchor the keepalive anchor, or empty
 * @param pushedTags the tags a verification build pushed
 * @param cacheRead the registry caches read
 * @param cacheWritten the registry caches written
 * @param provenance whether provenance was attached (never, DOMAIN.md 10.5)
 * @param steps per-step cache statistics
 * @param inputs what went into the build
 */
public record LegResultReport(
    Optional<Digest> digest,
    List<ImageRef> pushedTo,
    Optional<ImageRef> anchor,
    List<ImageRef> pushedTags,
    List<CacheRef> cacheRead,
    List<CacheWrite> cacheWritten,
    boolean provenance,
    StepStats steps,
    BuildInputs inputs) {
  public LegResultReport {
    pushedTo = List.copyOf(pushedTo);
    pushedTags = List.copyOf(pushedTags);
    cacheRead = List.copyOf(cacheRead);
    cacheWritten = List.copyOf(cacheWritten);
  }
}
