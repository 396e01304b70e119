package dev.strata.domain.run.api;

/** How a run ended. */
public enum RunOutcome {
  /** Every leg built and every merge group published. */
  SUCCEEDED,
  /** Some leg failed or some merge group was deferred or a pipeline could not be planned. */
  FAILED
}
