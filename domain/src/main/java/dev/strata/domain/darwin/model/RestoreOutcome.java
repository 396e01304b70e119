package dev.strata.domain.darwin.model;

/** How a cache restore went: the exact key, a restore prefix, or nothing. */
public enum RestoreOutcome {
  /** The exact key was found: saving again would be a no-op. */
  EXACT_HIT,
  /** Only a restore prefix matched: the cache is stale and worth saving. */
  PREFIX_HIT,
  /** Nothing matched (or the cache was not restored). */
  MISS
}
