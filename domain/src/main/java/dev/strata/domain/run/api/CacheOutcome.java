package dev.strata.domain.run.api;

/** How a cache restore went. */
public enum CacheOutcome {
  /** The exact key was found. */
  HIT,
  /** Only a restore-prefix match was found. */
  PARTIAL,
  /** Nothing matched. */
  MISS,
  /** An archive was found but failed its checksum; it was deleted and treated as a miss. */
  CORRUPT
}
