package dev.strata.builder.port;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.CacheWrite;
import java.util.List;
import java.util.Optional;

/**
 * What a driver built and pushed.
 *
 * @param digest the image digest pushed by digest (non-PR legs), else empty
 * @param pushedTo the publish repositories holding {@code digest}
 * @param anchor the keepalive anchor pointing at {@code digest}
 * @param pushedTags the tags pushed (pull-request legs)
 * @param cacheRead the registry caches the build actually imported
 * @param cacheWritten the registry caches it wrote, with their options
 * @param steps the Dockerfile steps, cached or executed
 * @param stepOutput what the steps printed (ccache statistics are read from it)
 */
public record BuildOutcome(
    Optional<Digest> digest,
    List<ImageRef> pushedTo,
    Optional<ImageRef> anchor,
    List<ImageRef> pushedTags,
    List<CacheRef> cacheRead,
    List<CacheWrite> cacheWritten,
    StepStats steps,
    List<String> stepOutput) {
  public BuildOutcome {
    pushedTo = List.copyOf(pushedTo);
    pushedTags = List.copyOf(pushedTags);
    cacheRead = List.copyOf(cacheRead);
    cacheWritten = List.copyOf(cacheWritten);
    stepOutput = List.copyOf(stepOutput);
  }
}
