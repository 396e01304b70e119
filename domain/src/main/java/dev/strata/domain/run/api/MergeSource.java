package dev.strata.domain.run.api;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;

/**
 * A per-arch image an index references: the leg, its digest and the run that built it (this run, or
 * an earlier one when the leg was not rebuilt, DOMAIN.md 15.4).
 */
public record MergeSource(LegId legId, Digest digest, RunId builtBy) {
  public MergeSource {
    Values.required(legId, "leg id");
    Values.required(digest, "digest");
    Values.required(builtBy, "run that built it");
  }
}
