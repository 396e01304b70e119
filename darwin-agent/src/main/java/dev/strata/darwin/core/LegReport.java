package dev.strata.darwin.core;

import dev.strata.darwin.core.CacheRestorer.Restored;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.StepStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one leg did: restores, saves, evictions, steps, and either the image (artifact and, for
 * non-PR runs, the published digest and tags) or the failing step.
 *
 * @param restored per cache, how its restore went
 * @param saved the entries saved, in order
 * @param evicted the entries the budget evicted after the saves
 * @param steps every step with its duration
 * @param artifact the {@code <backend>-tar} artifact, or null when the build failed
 * @param digest the published manifest digest, or null
 * @param tags the tags published
 * @param failedStep the step that failed, or null
 * @param failure why, or null
 */
public record LegReport(
    Map<Cache, Restored> restored,
    List<CacheEntry> saved,
    List<CacheEntry> evicted,
    StepStats steps,
    Path artifact,
    Digest digest,
    List<ImageRef> tags,
    String failedStep,
    String failure) {
  public LegReport {
    restored = Map.copyOf(restored);
    saved = List.copyOf(saved);
    evicted = List.copyOf(evicted);
    tags = List.copyOf(tags);
  }

  public boolean succeeded() {
    return failedStep == null;
  }
}
