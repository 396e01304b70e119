package dev.strata.domain.run.api;

/** Where a run is in its lifecycle. */
public enum RunState {
  /** Waiting behind a running run of its concurrency group. */
  PENDING,
  /** Planning, building or merging. */
  RUNNING,
  /** Every leg built and every merge group published. */
  SUCCEEDED,
  /** Ended with a failed leg, a deferred merge or an unplannable pipeline. */
  FAILED,
  /** Cancelled by a newer run or a user. */
  CANCELLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
