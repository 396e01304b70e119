package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;

/**
 * A per-arch digest a leg pushed, and where it lives: the repositories it was pushed to and its
 * keepalive anchor (or null).
 */
public record LegDigest(
    RunId runId, LegId legId, Digest digest, List<ImageRef> pushedTo, ImageRef anchor, Instant at) {
  public LegDigest {
    pushedTo = List.copyOf(pushedTo);
  }
}
