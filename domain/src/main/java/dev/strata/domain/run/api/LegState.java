package dev.strata.domain.run.api;

/** Where a leg is. */
public enum LegState {
  /** Planned, not claimed (or claimable again after an expired or released lease). */
  WAITING,
  /** Claimed by an agent under a lease. */
  CLAIMED,
  /** Built (pushed by digest, or verified for a pull request). */
  BUILT,
  /** The build failed. */
  FAILED;

  public boolean isTerminal() {
    return this == BUILT || this == FAILED;
  }
}
